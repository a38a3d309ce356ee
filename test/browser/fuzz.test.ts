/**
 * Fuzz test of every attribute and every public property of every element.
 *
 * For each element, a fixed number of cases, each reproducible from the seed (`?seed=<n>` in the
 * test page's URL, else `FUZZ_SEED=<n>` in the environment of `wtr`, else DEFAULT_SEED;
 * `&case=<tag>:<n>` runs one case alone, its generator depending only on seed, element and n): a valid base
 * configuration, then one to four changes, before the element connects and, in half the cases,
 * after it has settled too. A change sets an attribute to a hostile string (empty, white space,
 * Unicode, 100 kB and 1 MB, numbers at the edges, JSON, URLs, markup), removes it, or sets a
 * property to a hostile value (wrong types, throwing getters, Proxies, symbols, cycles). The
 * attributes are read from the classes at run time (`observedAttributes`, `elementProperties`),
 * so a new one is fuzzed without a change here; DESIGN §1's lists are asserted to be among them.
 *
 * After every case: nothing uncaught (window `error`, `unhandledrejection`, a rejected
 * `updateComplete`), the test page did not move (no navigation, no form submitted), nothing the
 * fuzz wrote became markup, every public getter still reads, the case took less than its budget,
 * and the element ended in a state its contract allows: valid, or an `ecommpay-error` with one of
 * its configuration codes whose issues name a field.
 *
 * Nothing reaches the network: URLs that would be fetched (`src`, `banks-url`) are the test
 * endpoints with the fuzzed text in their query or answer, or values that cannot leave the page;
 * `<ecommpay-redirect>` is always `manual`; nothing is clicked.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { LitElement, type ReactiveElement } from 'lit';
import { EcommpayCheckout, EcommpayRedirect, loadBankSelect, loadPayoutForm } from '../../src/index.ts';
import type { EcommpayBankSelect, EcommpayErrorDetail, EcommpayPayoutForm } from '../../src/index.ts';
import { CUP_CHECKOUT, PH_CHECKOUT } from '../fixtures/checkout.ts';
import { CUP_VALUES, PH_VALUES } from '../fixtures/payout.ts';
import { cleanup, respondUrl, uniqueKey } from './helpers.ts';
import { pageNavigations } from './redirect/harness.ts';

// ── seed and PRNG ────────────────────────────────────────────────────────────

const DEFAULT_SEED = 0x5eed_2024;
const query = new URLSearchParams(location.search);
const fromEnvironment = ((await (await fetch('/__test/seed')).json()) as { seed: number | null }).seed;
const SEED = (query.has('seed') ? Number(query.get('seed')) : (fromEnvironment ?? DEFAULT_SEED)) >>> 0;
/** `<tag>:<index>`: run that case alone. */
const ONLY = query.get('case');

/** A longer case than this is a freeze (a 1 MB value takes a few ms in every engine). */
const CASE_BUDGET_MS = 1000;
/** How long an answer of the test endpoints may take to show (a generous bound, not a sleep). */
const OUTCOME_TIMEOUT_MS = 4000;

/** mulberry32: a tiny seeded PRNG, uniform in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

/** Each case has a generator of its own: a case is the same whatever ran before it. */
const caseRng = (element: number, index: number) =>
  new Rng(SEED ^ Math.imul(element + 1, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b));

// ── hostile strings ──────────────────────────────────────────────────────────

const INJECTED = 'data-fuzz-injected';
/** Set by the markup payloads if a handler ever runs. */
const PWNED = '__fuzzPwned';

const WHITESPACE = [' ', '   ', '\t', '\n', '\r\n', '\u00a0', '\u3000', '\u2028', '\u2029', ' \t\n '];
const UNICODE = [
  '支付测试',
  '银行卡',
  '\u202eevil\u202c',
  'مرحبا بالعالم',
  'שלום',
  '💳🏦👍🏽👨‍👩‍👧',
  '\ud800',
  '\udfff',
  'a\ud83d',
  '\udc00b',
  '\0',
  'a\0b',
  '\u200b',
  '\u200b\u200c\u200d\u2060\ufeff',
  'e\u0301\u0301\u0301',
  '\ufffd',
  '\u{10ffff}',
  'İı',
  'ǅ',
  '\u001b[31m',
  'Ω≈ç√∫',
];
const NUMBERS = [
  '0',
  '-0',
  '-1',
  '1',
  '1e309',
  '-1e309',
  'NaN',
  'Infinity',
  '99999999999999999999',
  '9007199254740993',
  '2147483647',
  '2147483648',
  '4294967296',
  '0x10',
  '0b11',
  '0o7',
  '1.5',
  '+1',
  ' 1 ',
  '1e3',
  '00010000',
  '10000\n',
  '１０００',
  '١٠٠٠',
  '1,000',
  '1_000',
];
const JSONISH = [
  '{}',
  '[]',
  'null',
  'true',
  '"string"',
  '{"__proto__":{"x":1}}',
  '{"constructor":{"prototype":{"x":1}}}',
  '{"a":',
  '{method: GET}',
  '[{"id":486,"name":"BDO"}]',
  '{"redirect_data":{"method":"GET","url":"https://bank.example/x"}}',
  '{"method":"GET","url":"https://bank.example/x","body":[]}',
  '{"method":"POST","url":"https://bank.example/x","body":{"a":{"b":1}}}',
  '['.repeat(10_000) + ']'.repeat(10_000),
  '{"a":'.repeat(3_000) + '1' + '}'.repeat(3_000),
];
const URLISH = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:application/json,{}',
  '//evil.example',
  '///evil.example',
  '\\\\evil.example',
  'http://[::1]',
  'http://localhost:1/',
  'https://evil.example/pay',
  'https://user:pass@evil.example/',
  'https://bank.example/pay?x=1#y',
  'https://bank.example:99999/',
  'https://[',
  'http://%zz',
  'file:///etc/passwd',
  'about:blank',
  'blob:null/0',
  'ftp://evil.example/',
  'mailto:a@b.c',
  'https://xn--80ak6aa92e.com/',
  'https://支付.example/',
  '/relative/path',
  '?query=1',
  '#hash',
];
const MARKUP = [
  `<img src=x onerror="window.${PWNED}=1" ${INJECTED}>`,
  `<script ${INJECTED}>window.${PWNED}=1</script>`,
  `"><svg onload="window.${PWNED}=1" ${INJECTED}>`,
  `'><iframe srcdoc="<b>x</b>" ${INJECTED}></iframe>`,
  `</style><b ${INJECTED}>bold</b>`,
  `</textarea><b ${INJECTED}>x</b>`,
  `<!--`,
  `]]>`,
  '<?lit$1234$>',
  'lit$1234$',
  '<!--?lit$1234$-->',
  '${7*7}',
  "{{constructor.constructor('alert(1)')()}}",
  `<a href="javascript:window.${PWNED}=1" ${INJECTED}>x</a>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="window.${PWNED}=1" ${INJECTED}>`,
];
/** Made once: strings are immutable, one copy serves every case. */
const HUGE = [
  'a'.repeat(100_000),
  '9'.repeat(1_000_000),
  '支付💳\u200b<'.repeat(20_000),
  MARKUP[0]!.repeat(2_000),
  ' '.repeat(100_000) + 'x',
  'a,'.repeat(50_000),
];
const PALETTE = [...'aZ09 -_.,;:/?#&=%+@<>"\'`\\{}[]()!$*~|^\t\n', '\0', '\u200b', '\ud800', '支', '💳', '\u202e', 'é', '\u0301'];

/** A value the attribute accepts, when known: the fuzz keeps some configurations valid, and stretches them. */
type Good = Record<string, readonly string[]>;

/** A random string from the palette. */
function randomText(r: Rng, max = 40): string {
  let s = '';
  for (let n = 1 + r.int(max); n > 0; n--) s += r.pick(PALETTE);
  return s;
}

/**
 * A valid value with a piece of it around one of its separators (`.`, `@`, `,`, `-`…) repeated to
 * 100 kB, and a stray character after: the input a backtracking pattern is slowest on.
 */
function stretch(r: Rng, good: string): string {
  const separators = [...good.matchAll(/[^\p{L}\p{N}]/gu)].map((m) => m.index);
  const at = separators.length > 0 ? r.pick(separators) : r.int(good.length);
  const from = Math.max(0, at - r.int(3));
  const to = Math.min(good.length, at + 1 + r.int(3));
  const piece = good.slice(from, to) || 'a';
  return good.slice(0, from) + piece.repeat(Math.ceil(100_000 / piece.length)) + good.slice(to) + r.pick(['@', ' ', ';', 'x', '\0', '.', ',']);
}

/** One hostile string for `attribute` (its known good values, when given, are used and stretched too). */
function fuzzString(r: Rng, good: readonly string[] = []): string {
  const kinds = ['empty', 'space', 'unicode', 'number', 'json', 'url', 'markup', 'random', 'mix', 'huge'] as const;
  const kind = good.length > 0 && r.chance(0.35) ? r.pick(['good', 'stretch', 'stretch', 'edit'] as const) : r.pick(kinds);
  switch (kind) {
    case 'good':
      return r.pick(good);
    case 'stretch':
      return stretch(r, r.pick(good));
    case 'edit': {
      const base = r.pick(good);
      const at = r.int(base.length + 1);
      return base.slice(0, at) + fuzzString(r).slice(0, 200) + base.slice(at);
    }
    case 'empty':
      return '';
    case 'space':
      return r.pick(WHITESPACE);
    case 'unicode':
      return r.pick(UNICODE);
    case 'number':
      return r.pick(NUMBERS);
    case 'json':
      return r.pick(JSONISH);
    case 'url':
      return r.pick(URLISH);
    case 'markup':
      return r.pick(MARKUP);
    case 'random':
      return randomText(r);
    case 'mix':
      return r.pick([...UNICODE, ...NUMBERS, ...URLISH]) + r.pick([...MARKUP, ...WHITESPACE, ...JSONISH.slice(0, 12)]);
    case 'huge':
      return r.pick(HUGE);
  }
}

/** At most `max` characters: what goes into a test endpoint's URL (the server's header limit). */
const capped = (s: string, max = 500) => (s.length > max ? s.slice(0, max) : s);

/** An answer body short enough, once percent-encoded, for a test endpoint's URL (else `fallback`). */
const fits = (body: string, fallback: string) => (new URLSearchParams({ body }).toString().length <= 8_000 ? body : fallback);

// ── hostile values of other types ────────────────────────────────────────────

interface Hostile {
  label: string;
  value: unknown;
}

const fuzzError = (what: string) => new Error(`fuzz: ${what}`);

/** Keys the elements read from the objects they are given. */
const READ_KEYS = ['method', 'url', 'body', 'a', 'payment_amount', 'customer.first_name', 'account.bank_id', 'redirect_data', 'status'];

function throwingGetters(): object {
  const o = {};
  for (const key of READ_KEYS) {
    Object.defineProperty(o, key, {
      enumerable: true,
      get() {
        throw fuzzError(`getter ${key}`);
      },
    });
  }
  return o;
}

function throwingProxy(): object {
  const trap = (name: string) => () => {
    throw fuzzError(`Proxy ${name} trap`);
  };
  return new Proxy(
    {},
    {
      get: trap('get'),
      has: trap('has'),
      ownKeys: trap('ownKeys'),
      getOwnPropertyDescriptor: trap('getOwnPropertyDescriptor'),
      getPrototypeOf: trap('getPrototypeOf'),
      set: trap('set'),
      defineProperty: trap('defineProperty'),
    },
  );
}

function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

/** Answers `'x'` for every key, and says it has keys `a` and `b`. */
const oddProxy = () =>
  new Proxy(
    {},
    {
      get: (_t, key) => (typeof key === 'symbol' ? undefined : 'x'),
      ownKeys: () => ['a', 'b'],
      getOwnPropertyDescriptor: () => ({ value: 'x', enumerable: true, configurable: true, writable: true }),
    },
  );

function cyclic(): object {
  const o: Record<string, unknown> = { method: 'GET', url: 'https://bank.example/x', a: '1' };
  o.self = o;
  o.body = o;
  return o;
}

function deep(depth: number): object {
  let o: Record<string, unknown> = { a: '1' };
  for (let i = 0; i < depth; i++) o = { a: o, method: 'GET' };
  return o;
}

/** A value of a type the property does not take, built fresh (some are mutable or stateful). */
function wrongType(r: Rng): Hostile {
  const makers: [string, () => unknown][] = [
    ['null', () => null],
    ['undefined', () => undefined],
    ['0', () => 0],
    ['-1', () => -1],
    ['NaN', () => NaN],
    ['Infinity', () => Infinity],
    ['-0', () => -0],
    ['2**53+2', () => 2 ** 53 + 2],
    ['1e21', () => 1e21],
    ['10n', () => 10n],
    ['true', () => true],
    ['false', () => false],
    ['[]', () => []],
    ['[1,"a",null]', () => [1, 'a', null]],
    ['sparse array', () => new Array(5)],
    ['{}', () => ({})],
    ['Object.create(null)', () => Object.create(null)],
    ['throwing getters', throwingGetters],
    ['throwing toString', () => ({ toString: () => { throw fuzzError('toString'); } })],
    ['throwing Symbol.toPrimitive', () => ({ [Symbol.toPrimitive]: () => { throw fuzzError('toPrimitive'); } })],
    ['Proxy with throwing traps', throwingProxy],
    ['revoked Proxy', revokedProxy],
    ['Proxy answering x', oddProxy],
    ['Symbol', () => Symbol('fuzz')],
    ['function', () => () => 'x'],
    ['cyclic object', cyclic],
    ['cyclic array', () => { const a: unknown[] = ['x']; a.push(a); return a; }],
    ['deep object', () => deep(5_000)],
    ['Invalid Date', () => new Date(NaN)],
    ['Map', () => new Map([['a', 'b']])],
    ['String object', () => new String('x')],
    ['frozen object', () => Object.freeze({ a: '1' })],
    ['JSON __proto__ object', () => JSON.parse('{"__proto__":{"x":1},"a":"1"}') as unknown],
    ['Uint8Array', () => new Uint8Array([1, 2])],
    ['detached element', () => document.createElement('div')],
    ['Error', () => new Error('x')],
    ['rejected Promise', () => { const p = Promise.reject(fuzzError('rejected')); p.catch(() => {}); return p; }],
  ];
  const [label, make] = r.pick(makers);
  return { label, value: make() };
}

/** A string (labelled shortly) or a value of another type. */
function anyValue(r: Rng, good: readonly string[] = []): Hostile {
  if (r.chance(0.5)) return wrongType(r);
  const s = fuzzString(r, good);
  return { label: short(s), value: s };
}

/** A readable, bounded description of a fuzzed string. */
function short(s: string): string {
  const shown = JSON.stringify(s.length > 40 ? s.slice(0, 40) : s);
  return s.length > 40 ? `${shown}…(${s.length} chars)` : shown;
}

// ── structured values: redirect_data, extraParams, payout values, bank lists ─

const REDIRECT_URLS = ['https://bank.example/pay', 'http://bank.example/pay?x=1', 'https://BANK.example:8443/p#f', ...URLISH];

/** `redirect_data` with each part fuzzed (often valid, so the accepted plan is checked too). */
function redirectObject(r: Rng): Hostile {
  const parts: string[] = [];
  const data: Record<string, unknown> = {};
  const part = (key: string, h: Hostile) => {
    data[key] = h.value;
    parts.push(`${key}: ${h.label}`);
  };
  if (r.chance(0.9)) part('method', r.chance(0.6) ? { label: 'good', value: r.pick(['GET', 'POST', 'get', 'Post']) } : anyValue(r, ['GET', 'POST']));
  if (r.chance(0.9)) {
    const url = r.chance(0.6) ? r.pick(REDIRECT_URLS) : fuzzString(r, REDIRECT_URLS);
    part('url', r.chance(0.9) ? { label: short(url), value: url } : wrongType(r));
  }
  if (r.chance(0.7)) {
    const body: Record<string, unknown> = {};
    const labels: string[] = [];
    for (let n = r.int(4); n > 0; n--) {
      const key = r.chance(0.5) ? r.pick(['a', 'MD', 'PaReq', 'TermUrl', 'submit', 'action', '__proto__', 'constructor', '']) : capped(fuzzString(r), 200);
      const value = r.chance(0.6) ? { label: 'str', value: capped(fuzzString(r), 500) } : anyValue(r);
      Object.defineProperty(body, key, { value: value.value, enumerable: true, configurable: true, writable: true });
      labels.push(`${short(key)}: ${value.label}`);
    }
    part('body', r.chance(0.8) ? { label: `{${labels.join(', ')}}`, value: body } : anyValue(r));
  }
  if (r.chance(0.2)) part('encrypted', anyValue(r));
  return { label: `{${parts.join('; ')}}`, value: data };
}

/** `redirectData` / `redirect-data`: an object, its JSON, or anything else. */
function redirectDataValue(r: Rng, asString: boolean): Hostile {
  const roll = r.int(4);
  if (roll === 0 && !asString) return wrongType(r);
  if (roll === 1) {
    const s = fuzzString(r, [JSON.stringify({ method: 'GET', url: 'https://bank.example/x' })]);
    return { label: short(s), value: s };
  }
  const data = redirectObject(r);
  if (asString || r.chance(0.3)) {
    let text: string;
    try {
      text = JSON.stringify(data.value) ?? 'null';
    } catch {
      text = '{"cyclic":true}';
    }
    return { label: `JSON ${data.label}`, value: text };
  }
  return data;
}

const RESERVED = ['payment_amount', 'project_id', 'signature', 'frame_mode', 'force_payment_method'];
const EXTRA_KEYS = ['customer_phone', 'best_before', 'merchant_data', 'redirect_success_url', 'card_operation_type', '__proto__', 'constructor', 'toString', 'hasOwnProperty', ''];

/** `extraParams`: a record of further parameters with fuzzed keys and values, or anything else. */
function extraParamsValue(r: Rng): Hostile {
  if (r.chance(0.3)) return wrongType(r);
  const o: Record<string, unknown> = {};
  const labels: string[] = [];
  for (let n = r.int(4); n > 0; n--) {
    const key = r.chance(0.7) ? r.pick([...EXTRA_KEYS, ...RESERVED]) : fuzzString(r);
    const value = r.chance(0.6) ? { label: '', value: fuzzString(r, ['2026-12-31T23:59:59+08:00', '639171234567', 'x']) } : anyValue(r);
    Object.defineProperty(o, key, { value: value.value, enumerable: true, configurable: true, writable: true });
    labels.push(`${short(key)}: ${value.label || short(String(value.value))}`);
  }
  return { label: `{${labels.join(', ')}}`, value: o };
}

const PAYOUT_KEYS = [...new Set([...Object.keys(CUP_VALUES), ...Object.keys(PH_VALUES), 'payment.amount'])];

/** Payout `values`: the fixtures' values with some fuzzed (or of other types), or anything else. */
function payoutValues(r: Rng): Hostile {
  if (r.chance(0.25)) return wrongType(r);
  const o: Record<string, unknown> = { ...(r.chance(0.5) ? CUP_VALUES : PH_VALUES) };
  const labels: string[] = [];
  for (let n = 1 + r.int(3); n > 0; n--) {
    const key = r.chance(0.85) ? r.pick(PAYOUT_KEYS) : fuzzString(r);
    const value = r.chance(0.7) ? { label: '', value: fuzzString(r, [String(o[key] ?? '1000.00')]) } : anyValue(r);
    Object.defineProperty(o, key, { value: value.value, enumerable: true, configurable: true, writable: true });
    labels.push(`${short(key)}: ${value.label || short(String(value.value))}`);
  }
  return { label: `{fixture values, ${labels.join(', ')}}`, value: o };
}

/** What a fuzzed bank-list endpoint answers: a JSON text, not always valid. */
function bankListBody(r: Rng): string {
  const row = () => ({
    id: r.chance(0.5) ? r.pick([486, 487, 6, '486', 0, -1, 1.5, 2 ** 53 + 2]) : capped(fuzzString(r), 100),
    name: r.chance(0.5) ? 'BDO Unibank' : capped(fuzzString(r, ['BDO']), 300),
    abbr: capped(fuzzString(r, ['BDO']), 100),
    payout: r.pick([true, false, undefined]),
  });
  const rows = Array.from({ length: r.int(4) }, row);
  const body = r.pick([JSON.stringify(rows), JSON.stringify({ banks: rows }), JSON.stringify({ source: 'catalogue', banks: rows }), capped(fuzzString(r)), '[]']);
  return fits(body, '[]');
}

/** JSON text of `value`, or `null` when it has none that keeps it (a cycle; `NaN` and functions turn into `null` or vanish). */
function jsonOf(value: unknown): string | null {
  try {
    const text = JSON.stringify(value);
    return text === undefined || text === 'null' ? null : text;
  } catch {
    return null;
  }
}

/** What a fuzzed `src` answers: each gives an outcome the test can wait for (a status, a plan, or an error). */
function pollBody(r: Rng): string {
  const data = redirectDataValue(r, false).value;
  // `redirect_data` must be there (not null) for the answer to count as one: a string stands in for what JSON cannot carry.
  const ready = jsonOf(data) === null ? describeValue(data) : data;
  const body = r.pick([
    () => ({ status: capped(fuzzString(r, ['processing', 'awaiting redirect', 'decline', 'success']), 300) }),
    () => ({ status: 'decline', code: capped(fuzzString(r), 200), message: capped(fuzzString(r), 500) }),
    () => ({ redirect_data: ready }),
    () => ({ redirectData: ready }),
  ])();
  return fits(jsonOf(body) ?? '{"status":"unserialisable"}', '{"status":"too long for the URL"}');
}

/** A URL the element will fetch: the value itself when it cannot leave the page, else a test endpoint carrying it. */
function safeFetchUrl(value: string, body: string): string {
  if (value.trim() === '') return value;
  let url: URL | null = null;
  try {
    url = new URL(value.replaceAll('{method}', 'x').replaceAll('{operation}', 'x').trim(), location.href);
  } catch {
    return value; // fetch() refuses it before any request
  }
  const local = url.origin === location.origin || ['javascript:', 'data:', 'about:'].includes(url.protocol);
  if (local && value.length <= 4_096 && !url.pathname.startsWith('/__test/script')) return value;
  return `${respondUrl(uniqueKey('fuzz'), { body })}&fuzz=${capped(value)}`;
}

// ── the elements ─────────────────────────────────────────────────────────────

type Ctor = typeof ReactiveElement & CustomElementConstructor;
type Props = Record<string, unknown>;

interface Recorded {
  type: string;
  detail: unknown;
  at: number;
}

interface Spec {
  tag: string;
  cls: () => Ctor;
  /** DESIGN §1's attributes of the element: each must be observed. */
  designAttributes: readonly string[];
  /** Public properties DESIGN §1 (or the element's documentation) names: each must be there. */
  designProperties: readonly string[];
  /** Configuration error codes the element may fire (DESIGN §1). */
  codes: readonly string[];
  events: readonly string[];
  cases: number;
  good: Good;
  /** Attributes whose value is fetched. */
  fetched: readonly string[];
  /** Attributes never removed nor made false (`manual`: no navigation). */
  keep: readonly string[];
  base(r: Rng): { attributes: Record<string, string>; properties: Props };
  /** A value for a property other than a plain attribute-backed string. */
  property?(name: string, r: Rng): Hostile | undefined;
  /** A body for the test endpoint that stands for a fetched attribute. */
  answer?(name: string, r: Rng): string;
  settle(el: HTMLElement, run: Run): Promise<void>;
  verdict(el: HTMLElement, run: Run): string[];
}

/** What one case has seen. */
interface Run {
  events: Recorded[];
  /** Index in `events` where the current phase began, and when. */
  phaseStart: number;
  phaseAt: number;
  problems: string[];
  /** An update threw: the element's state is whatever the crash left, not worth judging further. */
  broken: boolean;
}

const CHECKOUT_ATTRIBUTES = [
  'method',
  'project-id',
  'payment-id',
  'amount',
  'currency',
  'customer-id',
  'description',
  'language',
  'customer-email',
  'customer-first-name',
  'customer-last-name',
  'preselect',
  'split-banks',
  'banks-id',
  'min-amount',
  'max-amount',
  'sign-url',
  'sign-timeout',
  'payment-page-url',
  'allow-mobile',
  'display',
  'frame-on-mobile',
  'bank-picker',
];

const LANGUAGES = ['zh', 'en', 'zh-CN', 'en-PH'];
const METHODS = ['cup-bank', 'online-philippines-banks'];

/** Waits for every update the element has scheduled (an update may schedule another). */
async function updated(el: HTMLElement, run: Run): Promise<void> {
  const lit = el as unknown as ReactiveElement;
  for (let i = 0; i < 10; i++) {
    try {
      if (await lit.updateComplete) return;
    } catch (error) {
      run.problems.push(`updateComplete rejected: ${describeError(error)}`);
      run.broken = true;
      return;
    }
  }
  run.problems.push('still updating after 10 updates');
}

/** Waits for a `<ecommpay-bank-select>` in `el`'s shadow root to load its list. */
async function innerBankSelect(el: HTMLElement, run: Run): Promise<void> {
  const select = el.shadowRoot?.querySelector('ecommpay-bank-select') as EcommpayBankSelect | null;
  if (!select) return;
  await customElements.whenDefined('ecommpay-bank-select');
  await updated(select, run);
  await select.loaded;
  await updated(select, run);
  await updated(el, run);
}

/** Waits up to OUTCOME_TIMEOUT_MS for `check`; a timeout is a problem of the case, not a crash of the test. */
async function outcome(check: () => boolean, what: string, run: Run): Promise<void> {
  try {
    await waitUntil(check, what, { interval: 10, timeout: OUTCOME_TIMEOUT_MS });
  } catch {
    run.problems.push(`no outcome within ${OUTCOME_TIMEOUT_MS} ms: ${what}`);
  }
}

const phaseEvents = (run: Run, ...types: string[]) => run.events.slice(run.phaseStart).filter((e) => types.includes(e.type));
const errorsOf = (run: Run) => run.events.filter((e) => e.type === 'ecommpay-error').map((e) => e.detail as EcommpayErrorDetail);

/** Checks an `ecommpay-error` detail: an allowed code, a message, and issues that each name a field. */
function checkError(detail: EcommpayErrorDetail, codes: readonly string[], fieldOk: (field: string) => boolean): string[] {
  const problems: string[] = [];
  if (!detail || typeof detail !== 'object') return [`ecommpay-error without a detail object: ${String(detail)}`];
  if (!codes.includes(detail.code)) problems.push(`ecommpay-error with code ${JSON.stringify(detail.code)} (allowed: ${codes.join(', ')}): ${detail.message}`);
  if (typeof detail.message !== 'string' || !detail.message) problems.push(`ecommpay-error ${detail.code} without a message`);
  if (detail.issues !== undefined) problems.push(...checkIssues(detail.issues, fieldOk, `ecommpay-error ${detail.code}`));
  return problems;
}

function checkIssues(issues: unknown, fieldOk: (field: string) => boolean, where: string): string[] {
  if (!Array.isArray(issues)) return [`${where}: issues is not an array`];
  if (issues.length === 0) return [`${where}: issues is empty`];
  const problems: string[] = [];
  for (const i of issues as { field?: unknown; rule?: unknown; message?: unknown }[]) {
    const field = i?.field;
    if (typeof field !== 'string' || field.trim() === '' || field === 'config' || !fieldOk(field)) {
      problems.push(`${where}: an issue names no field of the element: ${JSON.stringify(i)?.slice(0, 200)}`);
    }
    if (typeof i?.rule !== 'string' || !i.rule) problems.push(`${where}: issue of ${String(field)} without a rule`);
    if (typeof i?.message !== 'string' || !i.message) problems.push(`${where}: issue of ${String(field)} without a message`);
  }
  return problems;
}

/** `null`, `undefined` and `''` count as unset (as the elements read them). */
const unset = (v: unknown) => v === null || v === undefined || v === '';

const checkout: Spec = {
  tag: 'ecommpay-checkout',
  cls: () => EcommpayCheckout as unknown as Ctor,
  designAttributes: CHECKOUT_ATTRIBUTES,
  designProperties: ['extraParams', 'sign', 'launchParams'],
  codes: ['invalid-config'],
  events: ['ecommpay-ready', 'ecommpay-launch', 'ecommpay-error'],
  cases: 120,
  good: {
    method: METHODS,
    'project-id': ['581', '1'],
    'payment-id': ['TEST_154', 'ph-1'],
    amount: ['10000', '150000'],
    currency: ['CNY', 'PHP', 'USD'],
    'customer-id': ['customer121'],
    description: ['test payment', '测试支付'],
    language: LANGUAGES,
    'customer-email': ['test_customer@example.com', 'a@b.cn'],
    'customer-first-name': ['Juan'],
    'customer-last-name': ['Dela Cruz'],
    'banks-id': ['2421,2371', '486'],
    'min-amount': ['100'],
    'max-amount': ['100000000'],
    'sign-url': ['/api/sign', 'https://merchant.example/sign'],
    'sign-timeout': ['15000', '2147483647'],
    'payment-page-url': ['https://paymentpage.ecommpay.com', 'http://localhost:8000', 'https://paymentpage.ecommpay.com/'],
    display: ['redirect', 'modal', 'iframe'],
    'frame-timeout': ['5000'],
    'allowed-hosts': ['bank.example', 'a.example b.example'],
    'banks-url': ['/api/banks/{method}/{operation}'],
  },
  fetched: ['banks-url'],
  keep: [],
  base: (r) => ({
    attributes: { ...(r.chance(0.5) ? CUP_CHECKOUT : PH_CHECKOUT) },
    properties: r.chance(0.2) ? { extraParams: { merchant_data: 'x' } } : {},
  }),
  property(name, r) {
    if (name === 'extraParams') return extraParamsValue(r);
    if (name === 'sign') {
      return r.pick([
        () => ({ label: 'async signer', value: async () => ({ signature: 'AAAA' }) }),
        () => ({ label: 'throwing signer', value: () => { throw fuzzError('sign'); } }),
        () => wrongType(r),
      ])();
    }
    return undefined;
  },
  answer: (_name, r) => bankListBody(r),
  async settle(el, run) {
    await updated(el, run);
    await innerBankSelect(el, run);
  },
  verdict(el, run) {
    const c = el as EcommpayCheckout;
    const problems: string[] = [];
    const observed = new Set(checkout.cls().observedAttributes);
    const fieldOk = (field: string) => {
      const root = field.split('.')[0]!;
      return observed.has(root) || root === 'extraParams' || root === 'bank';
    };
    for (const detail of errorsOf(run)) problems.push(...checkError(detail, checkout.codes, fieldOk));
    if (run.events.some((e) => e.type === 'ecommpay-launch')) problems.push('ecommpay-launch without a click');
    let params: Record<string, unknown> | null;
    try {
      params = c.launchParams;
    } catch (error) {
      return [...problems, `launchParams threw: ${describeError(error)}`];
    }
    const last = run.events.filter((e) => e.type === 'ecommpay-ready' || e.type === 'ecommpay-error').at(-1);
    if (params !== null) {
      if (last?.type !== 'ecommpay-ready') problems.push(`valid (launchParams set) but the last event is ${last?.type ?? 'none'}`);
      for (const [key, value] of Object.entries(params)) {
        if (!['string', 'number', 'boolean'].includes(typeof value) || (typeof value === 'number' && !Number.isFinite(value))) {
          problems.push(`launchParams.${key} is not a flat scalar: ${describeValue(value)}`);
        }
      }
    } else {
      const awaitingBank = !!c.bankPicker && c.method === 'online-philippines-banks';
      const lastError = last?.type === 'ecommpay-error' ? (last.detail as EcommpayErrorDetail) : null;
      if (!lastError && !awaitingBank) problems.push(`invalid (launchParams null) but the last event is ${last?.type ?? 'none'}, not ecommpay-error`);
    }
    return problems;
  },
};

const REDIRECT_OK = JSON.stringify({ method: 'POST', url: 'https://bank.example/pay', body: { a: '1' } });

/** `poll-timeout` in ms when it names a timer the page can set (a positive whole number ≤ 2^31 − 1, or unset: 300000), else `null`. */
function pollTimeoutMs(value: unknown): number | null {
  if (unset(value)) return 300_000;
  const text = String(value as string);
  return /^[1-9]\d*$/.test(text) && Number(text) <= 2_147_483_647 ? Number(text) : /^[1-9]\d*$/.test(text) ? Infinity : null;
}

const redirect: Spec = {
  tag: 'ecommpay-redirect',
  cls: () => EcommpayRedirect as unknown as Ctor,
  designAttributes: ['redirect-data', 'src', 'target', 'manual', 'allowed-hosts'],
  designProperties: ['redirectData'],
  // invalid-redirect: the data; redirect-unavailable: `src` failed; invalid-config: the element's own attributes (timers).
  codes: ['invalid-redirect', 'redirect-unavailable', 'invalid-config'],
  events: ['ecommpay-redirect', 'ecommpay-error', 'ecommpay-status'],
  cases: 100,
  good: {
    'redirect-data': [REDIRECT_OK, JSON.stringify({ method: 'GET', url: 'https://bank.example/p?x=1', body: [] })],
    target: ['_self', '_top', '_blank'],
    'allowed-hosts': ['bank.example', 'Bank.Example other.example', 'bank.example:8443'],
    'poll-interval': ['1000', '10'],
    'poll-timeout': ['300000', '1000'],
    'fallback-delay': ['3000', '0'],
    language: LANGUAGES,
    src: ['/api/orders/1'],
  },
  fetched: ['src'],
  keep: ['manual'],
  // A short poll-interval: an endpoint that fails (the test server refuses some fuzzed URLs with
  // 400) is tried five times with backoff, which at the default 1 s takes 8 s.
  base: (r) => ({
    attributes: { manual: '', 'poll-interval': '10', ...(r.chance(0.4) ? { 'redirect-data': REDIRECT_OK } : {}) },
    properties: {},
  }),
  property(name, r) {
    if (name === 'redirectData') return redirectDataValue(r, false);
    // `manual` stays true whatever it is set to: a valid plan must never navigate the test page.
    if (name === 'manual') return r.pick([{ label: '1', value: 1 }, { label: 'object', value: {} }, { label: '"false"', value: 'false' }]);
    return undefined;
  },
  answer: (_name, r) => pollBody(r),
  async settle(el, run) {
    const rd = el as EcommpayRedirect;
    await updated(el, run);
    // Polling `src` (a test endpoint answering at once): wait for what its first answer gives. Not
    // when the element already said what it has: a refused timing attribute polls nothing, and an
    // earlier phase's error or status stands (a status is reported when it changes, an error until
    // an input changes; a reconnection alone changes neither).
    const said = run.events.some(
      (e, i) =>
        (i < run.phaseStart && (e.type === 'ecommpay-error' || e.type === 'ecommpay-status')) ||
        (e.type === 'ecommpay-error' && (e.detail as EcommpayErrorDetail)?.code === 'invalid-config'),
    );
    // Only where the five tries fit the wait: a poll-interval the fuzz changed (or removed: 1 s) does not.
    const quick = rd.getAttribute('poll-interval') === '10' && rd.pollInterval === '10';
    if (!run.broken && !said && quick && unset(rd.redirectData) && typeof rd.src === 'string' && rd.src.startsWith('/__test/respond')) {
      await outcome(
        () => rd.plan !== null || phaseEvents(run, 'ecommpay-status', 'ecommpay-error').length > 0,
        `the first answer of src ${rd.src.slice(0, 120)}`,
        run,
      );
      await updated(el, run);
    }
  },
  verdict(el, run) {
    const rd = el as EcommpayRedirect;
    const problems: string[] = [];
    const observed = new Set(redirect.cls().observedAttributes);
    // Each code names fields of its own: the data's, `src`, or the element's attributes.
    const fieldsOf: Record<string, (field: string) => boolean> = {
      'invalid-redirect': (field) => ['redirect-data', 'method', 'url', 'body'].includes(field.split('.')[0]!),
      'redirect-unavailable': (field) => field === 'src',
      'invalid-config': (field) => observed.has(field),
    };
    for (const e of run.events) {
      if (e.type === 'ecommpay-redirect') problems.push('ecommpay-redirect fired although manual is set: the element navigated by itself');
      if (e.type !== 'ecommpay-error') continue;
      const detail = e.detail as EcommpayErrorDetail;
      problems.push(...checkError(detail, redirect.codes, fieldsOf[detail?.code] ?? (() => false)));
      if (detail?.code === 'redirect-unavailable') {
        // The endpoint answers at once: "no redirect_data within N s" before a second is up means the timer fired early.
        const limit = pollTimeoutMs(rd.pollTimeout);
        const seconds = detail.issues?.find((i) => i.params?.seconds !== undefined);
        if (seconds && limit !== null && limit >= 2_000 && e.at - run.phaseAt < 1_000) {
          problems.push(`redirect-unavailable "${seconds.message}" after ${Math.round(e.at - run.phaseAt)} ms with poll-timeout ${short(String(rd.pollTimeout))}`);
        }
      }
    }
    let plan;
    try {
      plan = rd.plan;
    } catch (error) {
      return [...problems, `plan threw: ${describeError(error)}`];
    }
    if (plan) {
      let url: URL | null = null;
      try {
        url = new URL(plan.url);
      } catch {
        // reported below
      }
      if (!url || !['https:', 'http:'].includes(url.protocol)) problems.push(`a plan to a URL that is not absolute http(s): ${short(plan.url)}`);
      const hosts = typeof rd.allowedHosts === 'string' ? rd.allowedHosts.toLowerCase().split(/\s+/).filter(Boolean) : [];
      if (url && hosts.length > 0 && !hosts.includes(url.hostname) && !hosts.includes(url.host)) problems.push(`a plan to ${url.host}, outside allowed-hosts`);
      if (!['GET', 'POST'].includes(plan.method)) problems.push(`a plan with method ${plan.method}`);
      if (!plan.fields.every((f) => f.length === 2 && typeof f[0] === 'string' && typeof f[1] === 'string')) problems.push('a plan with fields that are not string pairs');
      if (!el.shadowRoot?.querySelector('[part~="button"]')) problems.push('a manual plan without its continue button');
    } else if (!unset(rd.redirectData)) {
      const last = run.events.filter((e) => e.type === 'ecommpay-error').at(-1);
      const code = (last?.detail as EcommpayErrorDetail | undefined)?.code;
      if (code !== 'invalid-redirect' && code !== 'invalid-config') {
        problems.push('redirectData is set, no plan, and no invalid-redirect (or invalid-config) said why');
      }
    }
    return problems;
  },
};

const bankSelect: Spec = {
  tag: 'ecommpay-bank-select',
  cls: () => customElements.get('ecommpay-bank-select') as Ctor,
  designAttributes: ['method', 'operation', 'banks-url', 'test-mode', 'language', 'value'],
  designProperties: ['value'],
  codes: [],
  events: ['ecommpay-error', 'ecommpay-banks', 'change'],
  cases: 70,
  good: {
    method: METHODS,
    operation: ['sale', 'payout'],
    language: LANGUAGES,
    value: ['486', '6', '487'],
    label: ['Bank'],
    name: ['bank'],
    'banks-url': ['/api/banks/{method}/{operation}'],
  },
  fetched: ['banks-url'],
  keep: [],
  base: (r) => ({ attributes: { method: r.pick(METHODS), operation: r.pick(['sale', 'payout']) }, properties: {} }),
  property(name, r) {
    if (name === 'error') return anyValue(r, ['Choose your bank']);
    return undefined;
  },
  answer: (_name, r) => bankListBody(r),
  async settle(el, run) {
    const s = el as EcommpayBankSelect;
    await updated(el, run);
    await s.loaded;
    await updated(el, run);
  },
  verdict(el, run) {
    const s = el as EcommpayBankSelect;
    const problems: string[] = [];
    for (const detail of errorsOf(run)) problems.push(`ecommpay-error ${detail?.code}: ${detail?.message}`);
    if (METHODS.includes(s.method as string)) {
      if (s.source === null) problems.push('a valid method and no list after loading');
      for (const bank of s.banks) {
        if (!Number.isSafeInteger(bank.id) || bank.id <= 0 || typeof bank.name !== 'string' || !bank.name.trim()) {
          problems.push(`a bank offered that is not a bank: ${describeValue(bank)}`);
        }
      }
      if (s.testMode === true && s.method === 'online-philippines-banks' && s.banks.some((b) => b.id !== 486 && b.id !== 487)) {
        problems.push('test-mode offers banks other than 486 and 487');
      }
    }
    return problems;
  },
};

const payoutForm: Spec = {
  tag: 'ecommpay-payout-form',
  cls: () => customElements.get('ecommpay-payout-form') as Ctor,
  designAttributes: ['method', 'amount', 'currency', 'language', 'banks-url', 'name'],
  designProperties: ['values'],
  codes: [],
  events: ['ecommpay-error', 'ecommpay-payout-submit'],
  cases: 80,
  good: {
    method: METHODS,
    amount: ['100000', '1000'],
    currency: ['CNY', 'PHP'],
    language: LANGUAGES,
    description: ['Payout'],
    name: ['payout'],
    'banks-url': ['/api/banks/{method}/{operation}'],
  },
  fetched: ['banks-url'],
  keep: [],
  base: (r) => {
    const method = r.pick(METHODS);
    const values = method === 'cup-bank' ? CUP_VALUES : PH_VALUES;
    return {
      attributes: { method, ...(r.chance(0.5) ? { amount: method === 'cup-bank' ? '100000' : '200000' } : {}) },
      properties: r.chance(0.6) ? { values: { ...values } } : {},
    };
  },
  property(name, r) {
    if (name === 'values') return payoutValues(r);
    return undefined;
  },
  answer: (_name, r) => bankListBody(r),
  async settle(el, run) {
    await updated(el, run);
    await innerBankSelect(el, run);
    // The regions come from the catalogue's chunk: wait for them where the form shows a region list.
    const f = el as EcommpayPayoutForm;
    if (!run.broken && METHODS.includes(f.method as string) && el.shadowRoot?.querySelector('select')) {
      await outcome(() => (el.shadowRoot?.querySelector('select')?.options.length ?? 0) > 1, 'the region list', run);
      await updated(el, run);
    }
  },
  verdict(el, run) {
    const f = el as EcommpayPayoutForm;
    const problems: string[] = [];
    for (const detail of errorsOf(run)) problems.push(`ecommpay-error ${detail?.code}: ${detail?.message}`);
    if (run.events.some((e) => e.type === 'ecommpay-payout-submit')) problems.push('ecommpay-payout-submit without a submit');
    let issues: unknown;
    let request: unknown;
    let valid: boolean;
    try {
      issues = f.issues;
      request = f.request;
      valid = f.checkValidity();
    } catch (error) {
      return [...problems, `issues/request/checkValidity threw: ${describeError(error)}`];
    }
    const list = Array.isArray(issues) ? (issues as unknown[]) : [];
    if (list.length > 0) problems.push(...checkIssues(list, () => true, 'issues'));
    if ((list.length === 0) !== (request !== null)) problems.push(`${list.length} issues but request is ${request === null ? 'null' : 'set'}`);
    // A disabled control is barred from constraint validation: it is valid whatever its issues.
    if (!el.matches(':disabled') && valid !== (list.length === 0)) problems.push(`checkValidity() is ${valid} with ${list.length} issues`);
    if (!METHODS.includes(f.method as string) && !list.some((i) => (i as { field?: string }).field === 'method')) problems.push('an invalid method and no issue naming it');
    return problems;
  },
};

const SPECS: Spec[] = [checkout, redirect, bankSelect, payoutForm];

// ── discovering what to fuzz ─────────────────────────────────────────────────

interface Surface {
  /** Observed attributes. */
  attributes: string[];
  /** Reactive properties behind attributes (set with values of other types too). */
  attributeProperties: Map<string, string>;
  /** Public settable properties with no attribute (`extraParams`, `values`, …). */
  objectProperties: string[];
  /** Public read-only getters (`launchParams`, `plan`, `issues`, …). */
  getters: string[];
}

function surface(cls: Ctor): Surface {
  const attributes = [...cls.observedAttributes];
  const attributeProperties = new Map<string, string>();
  const objectProperties: string[] = [];
  const declared = new Set<string>();
  for (const [key, options] of cls.elementProperties) {
    if (typeof key !== 'string' || key.startsWith('_') || options.state) continue;
    declared.add(key);
    if (options.attribute === false) objectProperties.push(key);
    else attributeProperties.set(key, typeof options.attribute === 'string' ? options.attribute : key.toLowerCase());
  }
  const getters: string[] = [];
  for (let proto = cls.prototype as object | null; proto && proto !== LitElement.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
    for (const [name, d] of Object.entries(Object.getOwnPropertyDescriptors(proto))) {
      if (name.startsWith('_') || name === 'constructor' || declared.has(name) || !d.get) continue;
      if (d.set && !objectProperties.includes(name)) objectProperties.push(name);
      else if (!d.set && !getters.includes(name)) getters.push(name);
    }
  }
  return { attributes, attributeProperties, objectProperties, getters };
}

// ── one case ─────────────────────────────────────────────────────────────────

type Op = { kind: 'attribute'; name: string; value: string | null; label: string } | { kind: 'property'; name: string; value: unknown; label: string } | { kind: 'reconnect' };

const describeOp = (op: Op) =>
  op.kind === 'reconnect' ? 'reconnect' : op.kind === 'attribute' ? `[${op.name}]=${op.value === null ? '(removed)' : op.label}` : `.${op.name}=${op.label}`;

/** One change to `target` (an attribute, or a property named `.name`). */
function makeOp(spec: Spec, s: Surface, target: string, r: Rng): Op {
  if (target.startsWith('.')) {
    const name = target.slice(1);
    const special = spec.property?.(name, r);
    if (special) return { kind: 'property', name, ...special };
    const attribute = s.attributeProperties.get(name);
    const h = anyValue(r, attribute ? (spec.good[attribute] ?? []) : []);
    if (spec.keep.includes(attribute ?? name) && !h.value) return { kind: 'property', name, value: true, label: 'true' };
    if (attribute && spec.fetched.includes(attribute) && typeof h.value === 'string') {
      const url = safeFetchUrl(h.value, spec.answer?.(attribute, r) ?? '{}');
      return { kind: 'property', name, value: url, label: url === h.value ? h.label : `test endpoint +${h.label}` };
    }
    return { kind: 'property', name, ...h };
  }
  if (!spec.keep.includes(target) && r.chance(0.1)) return { kind: 'attribute', name: target, value: null, label: '' };
  let value = target === 'redirect-data' && r.chance(0.5) ? (redirectDataValue(r, true).value as string) : fuzzString(r, spec.good[target] ?? []);
  let label = short(value);
  if (spec.fetched.includes(target)) {
    if (target === 'src' || r.chance(0.5)) {
      // The answer is fuzzed too; the fuzzed text rides in the query.
      value = `${respondUrl(uniqueKey('fuzz'), { body: spec.answer?.(target, r) ?? '{}' })}&fuzz=${capped(value)}`;
      label = `test endpoint +${label}`;
    } else {
      const safe = safeFetchUrl(value, spec.answer?.(target, r) ?? '{}');
      if (safe !== value) label = `test endpoint +${label}`;
      value = safe;
    }
  }
  return { kind: 'attribute', name: target, value, label };
}

interface Case {
  ops: Op[];
  /** Changes after the element settled once; `null`: all before it connects. */
  later: Op[] | null;
  base: { attributes: Record<string, string>; properties: Props };
}

function makeCase(spec: Spec, s: Surface, targets: string[], index: number, r: Rng): Case {
  const base = spec.base(r);
  const primary = targets[index % targets.length]!;
  const ops = [makeOp(spec, s, primary, r)];
  for (let n = r.int(3); n > 0; n--) ops.push(makeOp(spec, s, r.pick(targets), r));
  if (!r.chance(0.5)) return { base, ops, later: null };
  // Some changes before connecting, the rest (and maybe a reconnection) after the first settle.
  const split = r.int(ops.length);
  const later = ops.splice(split);
  if (r.chance(0.15)) later.push({ kind: 'reconnect' });
  return { base, ops, later };
}

const caught: string[] = [];

function describeValue(value: unknown): string {
  try {
    if (typeof value === 'string') return short(value);
    if (typeof value === 'symbol' || typeof value === 'function' || typeof value === 'bigint') return String(value);
    return (JSON.stringify(value) ?? String(value)).slice(0, 120);
  } catch {
    // A Proxy whose traps throw (or a revoked one) cannot even say what it is.
    try {
      return Object.prototype.toString.call(value);
    } catch {
      return '(an unreadable object)';
    }
  }
}

/** An error, with the first function in src/ it came from (`fn@file` or `at fn (file)`, whatever the engine). */
function describeError(error: unknown): string {
  let text: string;
  try {
    text = error instanceof Error ? `${error.name}: ${error.message}` : `non-Error ${describeValue(error)}`;
  } catch {
    text = 'an error that cannot be described';
  }
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const frame = stack.split('\n').find((line) => line.includes('/src/'));
  if (!frame) return text;
  // Line numbers are those of the code as served (transpiled), so only the function and the file are given.
  const file = /\/(src\/[^:?)\s]+)/.exec(frame)?.[1] ?? '?';
  const fn = /^\s*at\s+(?:async\s+)?([^\s(]+)\s+\(/.exec(frame)?.[1] ?? /^([^@\s]+)@/.exec(frame.trim())?.[1] ?? 'anonymous';
  return `${text} [in ${fn}, ${file}]`;
}

/** Every element in `root` and the shadow roots inside it. */
function* allElements(root: ParentNode): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* allElements(el.shadowRoot);
  }
}

const FORBIDDEN = new Set(['script', 'img', 'svg', 'math', 'iframe', 'object', 'embed', 'marquee', 'video', 'audio']);

/** Markup the fuzz wrote that became elements or handlers. */
function injections(el: HTMLElement): string[] {
  const found: string[] = [];
  const roots: ParentNode[] = [el, ...(el.shadowRoot ? [el.shadowRoot] : [])];
  for (const root of roots) {
    for (const node of allElements(root)) {
      const handlers = [...node.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name);
      if (node.hasAttribute(INJECTED) || FORBIDDEN.has(node.localName) || handlers.length > 0) {
        found.push(`<${node.localName}${handlers.length ? ' ' + handlers.join(' ') : ''}> rendered from fuzzed text`);
      }
    }
  }
  if (document.querySelector(`[${INJECTED}]`)) found.push('fuzzed markup in the document');
  if ((window as unknown as Record<string, unknown>)[PWNED] !== undefined) found.push('a fuzzed script ran');
  return found;
}

/** One turn of the event loop: unhandled rejections are reported after the microtasks of a task. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function apply(el: HTMLElement, ops: Op[], run: Run, host: HTMLElement): void {
  for (const op of ops) {
    if (op.kind === 'reconnect') {
      el.remove();
      host.append(el);
    } else if (op.kind === 'attribute') {
      try {
        if (op.value === null) el.removeAttribute(op.name);
        else el.setAttribute(op.name, op.value);
      } catch (error) {
        run.problems.push(`setting [${op.name}] threw: ${describeError(error)}`);
      }
    } else {
      try {
        (el as unknown as Record<string, unknown>)[op.name] = op.value;
      } catch {
        // A setter may refuse a value at assignment (as a native one throws a TypeError): the
        // caller hears of it at once. What matters is that the element stays sound afterwards.
      }
    }
  }
}

interface Failure {
  index: number;
  problems: string[];
  text: string;
}

async function runCase(spec: Spec, s: Surface, targets: string[], element: number, index: number): Promise<Failure | null> {
  const r = caseRng(element, index);
  const c = makeCase(spec, s, targets, index, r);
  const run: Run = { events: [], phaseStart: 0, phaseAt: performance.now(), problems: [], broken: false };
  const href = location.href;
  caught.length = 0;
  const started = performance.now();

  const el = document.createElement(spec.tag);
  for (const [name, value] of Object.entries(c.base.attributes)) el.setAttribute(name, value);
  for (const [name, value] of Object.entries(c.base.properties)) (el as unknown as Props)[name] = value;
  for (const type of spec.events) {
    el.addEventListener(type, (e) => {
      run.events.push({ type, detail: (e as CustomEvent).detail, at: performance.now() });
      // Belt and braces: should the element ever navigate or launch by itself, the page stays.
      if (type === 'ecommpay-redirect' || type === 'ecommpay-launch') e.preventDefault();
    });
  }
  const host = document.createElement('div');
  host.dataset.testHost = '';
  document.body.append(host);

  apply(el, c.ops, run, host);
  if (!el.isConnected) host.append(el);
  await spec.settle(el, run);
  if (c.later) {
    if (!run.broken) run.problems.push(...spec.verdict(el, run).map((p) => `(before the later changes) ${p}`));
    run.phaseStart = run.events.length;
    run.phaseAt = performance.now();
    apply(el, c.later, run, host);
    await spec.settle(el, run);
  }
  if (caught.length > 0) run.broken = true;
  if (!run.broken) run.problems.push(...spec.verdict(el, run));
  for (const name of s.getters) {
    try {
      void (el as unknown as Props)[name];
    } catch (error) {
      run.problems.push(`reading .${name} threw: ${describeError(error)}`);
    }
  }
  run.problems.push(...injections(el));
  await nextTask();
  await nextTask();
  run.problems.push(...caught);
  caught.length = 0;
  if (location.href !== href) run.problems.push(`the test page moved to ${location.href}`);
  if (pageNavigations.length > 0) run.problems.push(`the test page started navigating to ${pageNavigations.map((n) => n.url).join(', ')}`);
  if (document.body.querySelector(':scope > form')) run.problems.push('a form was added to the page (a redirect was submitted)');
  const took = performance.now() - started;
  if (took > CASE_BUDGET_MS) run.problems.push(`took ${Math.round(took)} ms (budget ${CASE_BUDGET_MS} ms): a freeze`);
  pageNavigations.length = 0;
  for (const form of document.body.querySelectorAll(':scope > form')) form.remove();
  cleanup();
  // What the removed element still had scheduled (an update after one that threw) is this case's too.
  await nextTask();
  run.problems.push(...caught);
  caught.length = 0;

  if (run.problems.length === 0) return null;
  const ops = [...c.ops.map(describeOp), ...(c.later ? ['| after connecting:', ...c.later.map(describeOp)] : [])].join(' ');
  const base = Object.keys(c.base.attributes).join(',') + (Object.keys(c.base.properties).length ? ' +' + Object.keys(c.base.properties).join(',') : '');
  const problems = [...new Set(run.problems)];
  return { index, problems, text: `case ${index}, base [${base}]: ${ops}\n      ${problems.join('\n      ')}` };
}

// ── the tests ────────────────────────────────────────────────────────────────

describe(`fuzz: every attribute and property of every element (seed ${SEED})`, function () {
  const warn = console.warn;
  const onError = (event: ErrorEvent) => {
    if (!(event instanceof ErrorEvent)) return; // a resource that failed to load: not a script error
    caught.push(`uncaught ${describeError(event.error ?? event.message)}`);
    // Reported with the case that caused it (and its seed) instead of as a stray mocha failure.
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  const onRejection = (event: PromiseRejectionEvent) => {
    caught.push(`unhandled rejection ${describeError(event.reason)}`);
    event.preventDefault();
    event.stopImmediatePropagation();
  };

  before(async () => {
    await Promise.all([loadBankSelect(), loadPayoutForm()]);
    window.addEventListener('error', onError, true);
    window.addEventListener('unhandledrejection', onRejection, true);
    // The elements warn once per distinct problem, with the developer's detail: thousands of lines here.
    console.warn = () => {};
  });
  after(() => {
    window.removeEventListener('error', onError, true);
    window.removeEventListener('unhandledrejection', onRejection, true);
    console.warn = warn;
    cleanup();
  });

  for (const [element, spec] of SPECS.entries()) {
    describe(`<${spec.tag}>`, function () {
      it('fuzzes every attribute and property DESIGN §1 names (the lists are read from the class)', () => {
        const s = surface(spec.cls());
        expect(s.attributes, 'observed attributes').to.include.members([...spec.designAttributes]);
        const properties = [...s.objectProperties, ...s.attributeProperties.keys(), ...s.getters];
        expect(properties, 'public properties').to.include.members([...spec.designProperties]);
        for (const name of s.attributeProperties.values()) expect(s.attributes, `attribute of a property`).to.include(name);
      });

      const total = (s: Surface) => Math.max(spec.cases, 2 * (s.attributes.length + s.attributeProperties.size + s.objectProperties.length));

      it(`stays sound under ${spec.cases}+ random cases (seed ${SEED})`, async function () {
        this.timeout(120_000);
        const s = surface(spec.cls());
        // Attributes, then properties (`.name`): each is the first change of at least two cases.
        const targets = [...s.attributes, ...[...s.attributeProperties.keys(), ...s.objectProperties].map((p) => `.${p}`)];
        const failures: Failure[] = [];
        const n = total(s);
        for (let index = 0; index < n; index++) {
          if (ONLY && ONLY !== `${spec.tag}:${index}`) continue;
          const failure = await runCase(spec, s, targets, element, index);
          if (failure) failures.push(failure);
        }
        if (failures.length > 0) {
          // One line per distinct problem (most cases share a few causes), then each failing case.
          const distinct = new Map<string, { count: number; first: number }>();
          for (const f of failures) {
            for (const problem of f.problems) {
              const key = problem.replace(/\d+ ms/g, 'N ms').replace(/\d+ issues/g, 'N issues');
              const seen = distinct.get(key);
              if (seen) seen.count += 1;
              else distinct.set(key, { count: 1, first: f.index });
            }
          }
          const summary = [...distinct].map(([problem, { count, first }]) => `${problem}  (×${count}, first case ${first})`);
          const shown = failures.slice(0, 30).map((f) => f.text);
          const text =
            `${failures.length} of ${n} cases of <${spec.tag}> failed (seed ${SEED}; rerun one with ?seed=${SEED}&case=${spec.tag}:<n>).\n` +
            `Distinct problems:\n  - ${summary.join('\n  - ')}\nCases:\n  ${shown.join('\n  ')}` +
            (failures.length > shown.length ? `\n  … and ${failures.length - shown.length} more` : '');
          const error = new Error(text);
          // The runner prints the stack under the message: keep it to one line, not the message again.
          error.stack = `Error: fuzz of <${spec.tag}> failed (seed ${SEED})`;
          throw error;
        }
      });
    });
  }
});
