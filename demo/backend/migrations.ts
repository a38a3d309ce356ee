/**
 * The demo backend's schema, as an ordered list of migrations. `openDatabase` applies the missing
 * ones in one transaction and records each in `schema_migrations` (version = position + 1).
 *
 * Never edit or reorder a migration that has shipped: append a new one. Each is plain SQL that
 * runs unchanged on PostgreSQL and on PGlite, and may hold several statements.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: sellers and their balances, orders, callbacks, sessions.
  `
  create table sellers (
    id            text primary key,
    email         text not null unique,
    name          text not null,
    -- pbkdf2$<iterations>$<salt base64>$<hash base64>
    password_hash text not null
  );

  -- What the shop owes a seller per method (minor units of currency). A payout takes its amount
  -- off available when it is requested; a decline or a refused request gives it back.
  create table balances (
    seller_id text not null references sellers,
    method    text not null,
    currency  text not null,
    earnings  bigint not null,
    available bigint not null check (available >= 0),
    primary key (seller_id, method)
  );

  create table orders (
    payment_id    text primary key,
    method        text not null,
    flow          text not null check (flow in ('checkout', 'gate', 'payout')),
    type          text not null check (type in ('purchase', 'payout')),
    amount        bigint not null check (amount > 0),
    currency      text not null,
    description   text not null default '',
    customer_id   text not null,
    sku           text,
    seller_id     text references sellers,
    -- created → processing → (awaiting redirect result →) success | decline; error: Gate refused it.
    status        text not null default 'created',
    code          text,
    message       text,
    redirect_data jsonb,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    -- A payout is always a seller's withdrawal; a purchase never is.
    check ((flow = 'payout') = (type = 'payout')),
    check (type <> 'payout' or seller_id is not null)
  );
  create index orders_created_at on orders (created_at desc);

  -- Every verified callback, once per key. payment_id is not a foreign key: callbacks for
  -- unknown payments are kept for review.
  create table callbacks (
    id           bigserial primary key,
    key          text not null unique,
    received_at  timestamptz not null,
    action       text not null check (action in ('apply', 'hold', 'ignore')),
    -- Whether it changed the order.
    applied      boolean not null,
    -- How many times ecommpay delivered it (a retry or a repeat counts, and changes nothing).
    deliveries   int not null default 1,
    reason       text,
    detail       text,
    payment_id   text,
    operation_id text,
    status       text,
    code         text,
    message      text,
    -- The verified body, signature included: never served as is.
    body         jsonb not null
  );
  create index callbacks_payment_id on callbacks (payment_id, id);

  -- Only the SHA-256 of a session token is stored: a leaked table opens no session.
  create table sessions (
    token_hash text primary key,
    seller_id  text not null references sellers,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null
  );
  create index sessions_seller_id on sessions (seller_id);
  `,
];
