/**
 * The shop's durable state: orders, the callbacks received, sellers with their balances, and
 * sign-in sessions, on PostgreSQL or PGlite (see `db.ts`).
 *
 * Every change that must happen together happens in one transaction:
 * - a callback is stored under its unique key and applied to its order at most once; a final
 *   status (`success`, `decline`) is never overwritten, even by two callbacks racing;
 * - a payout takes its amount off the seller's balance in the same statement that checks it, so
 *   two payouts racing can never overdraw; a decline or a refused request gives it back, once.
 */
import {
  FINAL_STATUSES,
  isFinalStatus,
  withoutSignature,
  type CallbackAction,
  type CallbackEvent,
  type CallbackReason,
  type MethodCode,
  type RecordResult,
} from '../../src/server/index.ts';
import type { Database, Queryable } from './db.ts';

/** How an order is paid: Payment Page, Gate (API) purchase, or Gate payout. */
export type Flow = 'checkout' | 'gate' | 'payout';

/** One order, as stored. */
export interface Order {
  payment_id: string;
  method: MethodCode;
  flow: Flow;
  type: 'purchase' | 'payout';
  /** Minor units of `currency`. */
  amount: number;
  currency: string;
  description: string;
  customer_id: string;
  /** What was bought (purchases). */
  sku: string | null;
  /** Whose money a payout is (payouts). */
  seller_id: string | null;
  /** `created` → `processing` → (`awaiting redirect result` →) `success` | `decline`; `error` when Gate refused the request. */
  status: string;
  code: string | null;
  message: string | null;
  /** The latest `redirect_data` a callback brought, untouched. */
  redirect_data: Record<string, unknown> | null;
  /** ISO 8601. */
  created_at: string;
  updated_at: string;
}

/** A purchase to create. Payouts are created by {@link Store.reservePayout} only, so none escapes the balance. */
export interface NewOrder {
  payment_id: string;
  method: MethodCode;
  flow: 'checkout' | 'gate';
  /** Always `purchase` (accepted for clarity). */
  type?: 'purchase';
  amount: number;
  currency: string;
  description?: string;
  customer_id: string;
  sku?: string | null;
}

/** A payout to reserve: the method and seller are arguments, the currency is the balance's. */
export interface NewPayout {
  payment_id: string;
  /** When given, must be the `method` argument (a mismatch throws). */
  method?: MethodCode;
  amount: number;
  /** When given, must be the balance's currency (a mismatch throws; nothing changes). */
  currency?: string;
  description?: string;
  customer_id: string;
}

/** What {@link Store.reservePayout} answers: the payout order, or what the seller may still withdraw. */
export type Reservation = { ok: true; order: Order } | { ok: false; available: number; currency: string | null };

/** What the shop owes a seller in one method (minor units of `currency`). */
export interface Balance {
  method: MethodCode;
  currency: string;
  /** Everything earned. */
  earnings: number;
  /** What may still be withdrawn: earnings minus payouts not declined or refused. */
  available: number;
}

/** One received callback, as the log shows it: without the signature. */
export interface CallbackRow {
  /** Sequence number (ascending). */
  n: number;
  key: string;
  received_at: string;
  action: CallbackAction;
  /** It changed the order. */
  applied: boolean;
  /** How many times it arrived: repeats are counted and change nothing. */
  deliveries: number;
  reason: CallbackReason | null;
  detail: string | null;
  payment_id: string | null;
  operation_id: string | null;
  status: string | null;
  code: string | null;
  message: string | null;
  /** The verified body with every `signature` removed: it cannot be replayed. */
  fields: unknown;
}

/** A seller as the pages may see them. */
export interface Seller {
  id: string;
  email: string;
  name: string;
}

/** A seller to seed, with what the shop owes them per method. */
export interface SellerSeed extends Seller {
  password: string;
  balances: { method: MethodCode; currency: string; earnings: number }[];
}

/** A session opened by {@link Store.signIn}: the token goes to the browser (a cookie), nowhere else. */
export interface SignedIn {
  token: string;
  seller: Seller;
}

const ORDER_COLUMNS =
  'payment_id, method, flow, type, amount, currency, description, customer_id, sku, seller_id, status, code, message, redirect_data, created_at, updated_at';
const CALLBACK_COLUMNS = 'id, key, received_at, action, applied, deliveries, reason, detail, payment_id, operation_id, status, code, message, body';

/** `'success', 'decline'`: the SQL guard that keeps a final status, from the library's own list. */
const FINAL_SQL = FINAL_STATUSES.map((s) => `'${s.replaceAll("'", "''")}'`).join(', ');

/** Statuses in which a payout's amount is back with the seller: Gate refused it, or it was declined. */
const GIVEN_BACK = new Set(['error', 'decline']);

const SESSION_HOURS = 8;
const PBKDF2_ITERATIONS = 600_000;

type Row<T, Dates extends keyof T> = Omit<T, Dates> & Record<Dates, Date | string>;
type OrderRow = Row<Order, 'created_at' | 'updated_at'>;
type CallbackDbRow = Omit<Row<CallbackRow, 'received_at'>, 'n' | 'fields'> & { id: number; body: unknown };

/** timestamptz comes back as a Date (either engine): the store answers ISO strings. */
const iso = (value: Date | string): string => (value instanceof Date ? value : new Date(value)).toISOString();

const toOrder = (row: OrderRow): Order => ({ ...row, created_at: iso(row.created_at), updated_at: iso(row.updated_at) });

/** The log's view of a stored callback: the body without any `signature` (a signed body could be replayed). */
function toCallbackRow({ id, body, received_at, ...rest }: CallbackDbRow): CallbackRow {
  let fields: unknown;
  try {
    fields = withoutSignature(body).rest;
  } catch {
    fields = null; // deeper than any signature check accepts: show nothing rather than fail the log
  }
  return { n: id, ...rest, received_at: iso(received_at), fields };
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, Math.trunc(value) || min));

const normalizeEmail = (email: string) => email.trim().toLowerCase();

// ── passwords and tokens (Web Crypto) ──

const encoder = new TextEncoder();
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const randomBytes = (length: number) => crypto.getRandomValues(new Uint8Array(length));

async function pbkdf2(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256));
}

/** `pbkdf2$600000$<salt b64>$<hash b64>`, with a random 16-byte salt. */
async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return `pbkdf2$${PBKDF2_ITERATIONS}$${base64(salt)}$${base64(await pbkdf2(password, salt, PBKDF2_ITERATIONS))}`;
}

/** Compares without an early exit: the time taken does not tell how many bytes matched. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/** Checks a password against a stored hash, with the iteration count stored with it. */
async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, count, salt, hash] = stored.split('$');
  const iterations = Number(count);
  if (scheme !== 'pbkdf2' || !Number.isSafeInteger(iterations) || iterations <= 0 || !salt || !hash) return false;
  const derived = await pbkdf2(password, new Uint8Array(Buffer.from(salt, 'base64')), iterations);
  return sameBytes(derived, Buffer.from(hash, 'base64'));
}

/** Checked when the e-mail is unknown, so the answer takes as long as for a known one. */
const NO_SELLER_HASH = `pbkdf2$${PBKDF2_ITERATIONS}$${'A'.repeat(22)}==$${'A'.repeat(43)}=`;

/** Sessions are stored by the SHA-256 of their token: the table alone opens none. */
async function tokenHash(token: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(token)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Moves an order to a new status unless it is final, in the caller's transaction. The row is
 * locked first, so the status read is the one replaced; a payout moving into a "given back"
 * status (`decline`, `error`) from any other returns its amount to the seller's balance.
 * Resolves whether the order changed.
 */
async function changeStatus(
  tx: Queryable,
  paymentId: string,
  change: { status: string; code: string | null; message: string | null; redirectData: Record<string, unknown> | null },
): Promise<boolean> {
  const [before] = await tx.query<{ status: string; type: string; amount: number; seller_id: string | null; method: string }>(
    'select status, type, amount, seller_id, method from orders where payment_id = $1 for update',
    [paymentId],
  );
  if (!before || isFinalStatus(before.status)) return false;
  const changed = await tx.query(
    `update orders
        set status = $2, code = $3, message = $4, redirect_data = coalesce($5::jsonb, redirect_data), updated_at = now()
      where payment_id = $1 and status not in (${FINAL_SQL})
      returning payment_id`,
    [paymentId, change.status, change.code, change.message, change.redirectData === null ? null : JSON.stringify(change.redirectData)],
  );
  if (changed.length === 0) return false;
  if (before.type === 'payout' && GIVEN_BACK.has(change.status) && !GIVEN_BACK.has(before.status)) {
    await tx.query('update balances set available = available + $3 where seller_id = $1 and method = $2', [before.seller_id, before.method, before.amount]);
  }
  return true;
}

/** The shop's orders, callbacks, balances and sessions, on one {@link Database}. */
export class Store {
  private readonly db: Database;

  /** A store on an open (migrated) database; closing the database is the caller's. */
  constructor(db: Database) {
    this.db = db;
  }

  // ── orders ──

  /** Creates a purchase order in status `created`. Throws when the payment_id exists. */
  async createOrder(fields: NewOrder): Promise<Order> {
    const [row] = await this.db.query<OrderRow>(
      `insert into orders (payment_id, method, flow, type, amount, currency, description, customer_id, sku)
       values ($1, $2, $3, 'purchase', $4, $5, $6, $7, $8)
       returning ${ORDER_COLUMNS}`,
      [fields.payment_id, fields.method, fields.flow, fields.amount, fields.currency, fields.description ?? '', fields.customer_id, fields.sku ?? null],
    );
    return toOrder(row!);
  }

  /** The order, or `null` when there is none. */
  async getOrder(paymentId: string): Promise<Order | null> {
    const [row] = await this.db.query<OrderRow>(`select ${ORDER_COLUMNS} from orders where payment_id = $1`, [paymentId]);
    return row ? toOrder(row) : null;
  }

  /** The newest orders first (at most `limit`, up to 1000). */
  async listOrders(limit = 100): Promise<Order[]> {
    const rows = await this.db.query<OrderRow>(`select ${ORDER_COLUMNS} from orders order by created_at desc, payment_id desc limit $1`, [
      clamp(limit, 1, 1000),
    ]);
    return rows.map(toOrder);
  }

  /**
   * `created` → `processing`, from `created` only (a callback may have moved it on already).
   * Resolves `true` when this call moved it: called before the request goes to Gate, it is a
   * claim that two requests racing for one order cannot both win.
   */
  async markSent(paymentId: string): Promise<boolean> {
    const rows = await this.db.query(
      `update orders set status = 'processing', updated_at = now() where payment_id = $1 and status = 'created' returning payment_id`,
      [paymentId],
    );
    return rows.length > 0;
  }

  /**
   * Gate refused the request: status `error` with Gate's message, unless the order is final
   * already. A payout's amount goes back to the seller's balance in the same transaction, once
   * (not when the order was `error` or `decline` already). Resolves whether the order changed.
   */
  async markRefused(paymentId: string, message: string): Promise<boolean> {
    return this.db.transaction((tx) => changeStatus(tx, paymentId, { status: 'error', code: null, message, redirectData: null }));
  }

  // ── payouts and balances ──

  /**
   * Takes `fields.amount` off the seller's available balance and creates the payout order, in
   * one transaction: the balance is checked by the very statement that lowers it, so two
   * reservations racing can never overdraw. Resolves `ok: false` with what is available (0 and
   * currency `null` without a balance) when it is not enough; nothing changes then.
   */
  async reservePayout(sellerId: string, method: MethodCode, fields: NewPayout): Promise<Reservation> {
    if (!Number.isSafeInteger(fields.amount) || fields.amount <= 0) throw new RangeError(`reservePayout: amount must be a positive integer, not ${fields.amount}`);
    if (fields.method !== undefined && fields.method !== method) throw new TypeError(`reservePayout: fields.method ${fields.method} is not ${method}`);
    return this.db.transaction(async (tx): Promise<Reservation> => {
      const [taken] = await tx.query<{ currency: string }>(
        'update balances set available = available - $3 where seller_id = $1 and method = $2 and available >= $3 returning currency',
        [sellerId, method, fields.amount],
      );
      if (!taken) {
        // Nothing was written: ending the transaction here leaves the database as it was.
        const [left] = await tx.query<{ available: number; currency: string }>('select available, currency from balances where seller_id = $1 and method = $2', [
          sellerId,
          method,
        ]);
        return { ok: false, available: left?.available ?? 0, currency: left?.currency ?? null };
      }
      if (fields.currency !== undefined && fields.currency !== taken.currency) {
        // Throwing rolls the reservation back.
        throw new RangeError(`reservePayout: a ${method} balance is in ${taken.currency}, not ${fields.currency}`);
      }
      const [row] = await tx.query<OrderRow>(
        `insert into orders (payment_id, method, flow, type, amount, currency, description, customer_id, seller_id)
         values ($1, $2, 'payout', 'payout', $3, $4, $5, $6, $7)
         returning ${ORDER_COLUMNS}`,
        [fields.payment_id, method, fields.amount, taken.currency, fields.description ?? '', fields.customer_id, sellerId],
      );
      return { ok: true, order: toOrder(row!) };
    });
  }

  /** What the shop owes the seller in this method, or `null` when they have no balance in it. */
  async balance(sellerId: string, method: MethodCode): Promise<Balance | null> {
    const [row] = await this.db.query<Balance>('select method, currency, earnings, available from balances where seller_id = $1 and method = $2', [sellerId, method]);
    return row ?? null;
  }

  // ── callbacks ──

  /**
   * `record` for `createCallbackHandler`: stores the event under its key and, when its action is
   * `apply`, changes the order, in one transaction. `'duplicate'` when the key was stored
   * already: only its delivery count goes up then. A final status is never overwritten; the stored row's
   * `applied` says whether the order changed. A declined payout gives its amount back, once.
   */
  async recordCallback(event: CallbackEvent): Promise<RecordResult> {
    return this.db.transaction(async (tx): Promise<RecordResult> => {
      const [inserted] = await tx.query<{ id: number }>(
        `insert into callbacks (key, received_at, action, applied, reason, detail, payment_id, operation_id, status, code, message, body)
         values ($1, $2, $3, false, $4, $5, $6, $7, $8, $9, $10, $11::jsonb)
         on conflict (key) do nothing
         returning id`,
        [
          event.key,
          event.receivedAt.toISOString(),
          event.action,
          event.reason,
          event.detail,
          event.paymentId,
          event.operationId,
          event.status,
          event.code,
          event.message,
          JSON.stringify(event.body),
        ],
      );
      if (!inserted) {
        // Stored before: only count the delivery. (The insert waited for the first one to commit.)
        await tx.query('update callbacks set deliveries = deliveries + 1 where key = $1', [event.key]);
        return 'duplicate';
      }
      if (event.action !== 'apply' || event.paymentId === null || event.status === null) return 'recorded';
      const applied = await changeStatus(tx, event.paymentId, { status: event.status, code: event.code, message: event.message, redirectData: event.redirectData });
      if (applied) await tx.query('update callbacks set applied = true where id = $1', [inserted.id]);
      return 'recorded';
    });
  }

  /** The callbacks stored for one payment, oldest first, without signatures. */
  async callbacksOf(paymentId: string): Promise<CallbackRow[]> {
    const rows = await this.db.query<CallbackDbRow>(`select ${CALLBACK_COLUMNS} from callbacks where payment_id = $1 order by id`, [paymentId]);
    return rows.map(toCallbackRow);
  }

  /** The callback log after sequence number `after`, ascending (at most `limit`, up to 1000), without signatures. */
  async callbackLog({ after = 0, limit = 200 }: { after?: number; limit?: number } = {}): Promise<CallbackRow[]> {
    const rows = await this.db.query<CallbackDbRow>(`select ${CALLBACK_COLUMNS} from callbacks where id > $1 order by id limit $2`, [
      Math.max(0, Math.trunc(after) || 0),
      clamp(limit, 1, 1000),
    ]);
    return rows.map(toCallbackRow);
  }

  // ── sellers and sessions ──

  /**
   * Seeds a seller, idempotently: inserted with a hash of `password` when missing (an existing
   * seller keeps their password), and each balance inserted with `available = earnings` when
   * missing (an existing balance is left alone). Resolves the seller as stored.
   */
  async ensureSeller(seed: SellerSeed): Promise<Seller> {
    const [existing] = await this.db.query('select 1 from sellers where id = $1', [seed.id]);
    const hash = existing ? null : await hashPassword(seed.password);
    return this.db.transaction(async (tx) => {
      if (hash) {
        await tx.query('insert into sellers (id, email, name, password_hash) values ($1, $2, $3, $4) on conflict (id) do nothing', [
          seed.id,
          normalizeEmail(seed.email),
          seed.name,
          hash,
        ]);
      }
      for (const { method, currency, earnings } of seed.balances) {
        await tx.query(
          `insert into balances (seller_id, method, currency, earnings, available) values ($1, $2, $3, $4, $4)
           on conflict (seller_id, method) do nothing`,
          [seed.id, method, currency, earnings],
        );
      }
      const [seller] = await tx.query<Seller>('select id, email, name from sellers where id = $1', [seed.id]);
      return seller!;
    });
  }

  /**
   * Opens a session when the e-mail and password match: a random token (32 bytes, base64url),
   * of which only the SHA-256 is stored, valid for 8 hours. `null` otherwise, taking as long
   * whether the e-mail exists or not.
   */
  async signIn(email: string, password: string): Promise<SignedIn | null> {
    const [row] = await this.db.query<Seller & { password_hash: string }>('select id, email, name, password_hash from sellers where email = $1', [
      normalizeEmail(email),
    ]);
    const matches = await verifyPassword(password, row?.password_hash ?? NO_SELLER_HASH);
    if (!row || !matches) return null;
    const token = Buffer.from(randomBytes(32)).toString('base64url');
    const hash = await tokenHash(token);
    await this.db.transaction(async (tx) => {
      await tx.query('delete from sessions where expires_at <= now()');
      await tx.query(`insert into sessions (token_hash, seller_id, expires_at) values ($1, $2, now() + $3::int * interval '1 hour')`, [hash, row.id, SESSION_HOURS]);
    });
    return { token, seller: { id: row.id, email: row.email, name: row.name } };
  }

  /** The seller a session token belongs to, or `null` (unknown, expired or signed out). */
  async sessionSeller(token: string | null | undefined): Promise<Seller | null> {
    if (typeof token !== 'string' || token === '') return null;
    const [seller] = await this.db.query<Seller>(
      `select s.id, s.email, s.name from sessions t join sellers s on s.id = t.seller_id
        where t.token_hash = $1 and t.expires_at > now()`,
      [await tokenHash(token)],
    );
    return seller ?? null;
  }

  /** Ends the session (nothing happens for an unknown token). */
  async signOut(token: string | null | undefined): Promise<void> {
    if (typeof token !== 'string' || token === '') return;
    await this.db.query('delete from sessions where token_hash = $1', [await tokenHash(token)]);
  }
}
