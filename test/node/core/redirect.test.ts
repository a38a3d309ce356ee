/**
 * `core/redirect.ts`: Gate's `redirect_data` → a navigation plan, or every broken rule by field.
 * The rule table of `<ecommpay-redirect>` (formerly booted in the browser) and ecommpay's
 * documented examples, followed exactly.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IssueParams } from '../../../src/core/errors.ts';
import {
  REDIRECT_TIMERS,
  bodyFields,
  mergeQuery,
  parseHosts,
  parseRedirectData,
  parseRedirectTimers,
  readPollAnswer,
  type PollAnswer,
  type RedirectPlan,
} from '../../../src/core/redirect.ts';
import { CUP_BODY, CUP_URL, PH_URL } from '../../fixtures/redirect.ts';
import { assertMessagesNameFields, issuesOf, summary } from './helpers.ts';

const GOOD = { method: 'POST', url: 'https://bank.example/pay', body: { a: '1' } };

// ── refused ────────────────────────────────────────────────────────────────

interface Refusal {
  name: string;
  data: unknown;
  allowedHosts?: readonly string[];
  issues: string[];
  /** The first issue's exact message (a pattern where the wording is not settled). */
  message: string | RegExp;
  /** The first issue's params (omitted: none). */
  params?: IssueParams;
}

const URL_MESSAGE = 'url must be an absolute https: or http: URL';
const SCALAR = { types: 'a string, a number, a boolean or null' };
const BODY_TYPE = { expected: 'an object of fields (or an empty array)' };
const NOT_OBJECT = { expected: 'a JSON object' };

const refusals: Refusal[] = [
  { name: 'a javascript: URL', data: { ...GOOD, url: 'javascript:void(document.title="pwned")' }, issues: ['url url'], message: URL_MESSAGE },
  { name: 'a javascript: URL with leading spaces and mixed case', data: { ...GOOD, method: 'GET', url: '  JavaScript:void(0)' }, issues: ['url url'], message: URL_MESSAGE },
  { name: 'a data: URL', data: { ...GOOD, url: 'data:text/html,<title>pwned</title>' }, issues: ['url url'], message: URL_MESSAGE },
  { name: 'a blob: URL', data: { ...GOOD, url: 'blob:https://shop.example/0c2e6d4e-1111-2222-3333-444455556666' }, issues: ['url url'], message: URL_MESSAGE },
  { name: 'a file: URL', data: { ...GOOD, url: 'file:///etc/passwd' }, issues: ['url url'], message: URL_MESSAGE },
  { name: 'an ftp: URL', data: { ...GOOD, url: 'ftp://bank.example/pay' }, issues: ['url url'], message: URL_MESSAGE },
  { name: 'a relative URL', data: { ...GOOD, url: '/__test/form?key=relative' }, issues: ['url url'], message: URL_MESSAGE },
  { name: 'a protocol-relative URL', data: { ...GOOD, url: '//bank.example/pay' }, issues: ['url url'], message: URL_MESSAGE },
  { name: 'a malformed URL', data: { ...GOOD, url: 'https://' }, issues: ['url url'], message: URL_MESSAGE },
  { name: 'an empty URL', data: { ...GOOD, url: '' }, issues: ['url url'], message: URL_MESSAGE },
  { name: 'a URL that is not a string', data: { ...GOOD, url: { href: 'https://bank.example' } }, issues: ['url type'], message: /^url must be / },
  {
    name: 'a host outside allowed-hosts',
    data: { ...GOOD, url: 'https://evil.example/pay' },
    allowedHosts: ['test.ph', 'payment.qixiqiang.com'],
    issues: ['url host'],
    message: 'url host evil.example is not in allowed-hosts',
    params: { host: 'evil.example' },
  },
  { name: 'a host that only ends like an allowed one', data: { ...GOOD, url: 'https://nottest.ph/pay' }, allowedHosts: ['test.ph'], issues: ['url host'], message: 'url host nottest.ph is not in allowed-hosts', params: { host: 'nottest.ph' } },
  { name: 'a subdomain of an allowed host', data: { ...GOOD, url: 'https://pay.test.ph/' }, allowedHosts: ['test.ph'], issues: ['url host'], message: 'url host pay.test.ph is not in allowed-hosts', params: { host: 'pay.test.ph' } },
  { name: 'an allowed host on another port, when the port is named', data: { ...GOOD, url: 'https://bank.example:8443/pay' }, allowedHosts: ['bank.example:9443'], issues: ['url host'], message: 'url host bank.example:8443 is not in allowed-hosts', params: { host: 'bank.example:8443' } },
  { name: 'credentials do not disguise the host', data: { ...GOOD, url: 'https://test.ph@evil.example/' }, allowedHosts: ['test.ph'], issues: ['url host'], message: 'url host evil.example is not in allowed-hosts', params: { host: 'evil.example' } },
  { name: 'method PUT', data: { ...GOOD, method: 'PUT' }, issues: ['method one-of'], message: 'method must be one of: GET, POST', params: { values: 'GET, POST' } },
  { name: 'method with spaces', data: { ...GOOD, method: ' GET' }, issues: ['method one-of'], message: 'method must be one of: GET, POST', params: { values: 'GET, POST' } },
  { name: 'a missing method', data: { url: GOOD.url }, issues: ['method required'], message: 'method is required' },
  { name: 'a null method', data: { ...GOOD, method: null }, issues: ['method required'], message: 'method is required' },
  { name: 'a method that is not a string', data: { ...GOOD, method: 1 }, issues: ['method type'], message: /^method must be / },
  { name: 'a missing url', data: { method: 'GET', body: {} }, issues: ['url required'], message: 'url is required' },
  { name: 'a nested object in the body (never sent as [object Object])', data: { ...GOOD, body: { ok: '1', card: { pan: '4000' } } }, issues: ['body.card scalar'], message: 'body.card must be a string, a number, a boolean or null', params: SCALAR },
  { name: 'an array value in the body', data: { ...GOOD, body: { list: ['a', 'b'] } }, issues: ['body.list scalar'], message: 'body.list must be a string, a number, a boolean or null', params: SCALAR },
  { name: 'NaN in the body', data: { ...GOOD, body: { n: NaN } }, issues: ['body.n scalar'], message: 'body.n must be a string, a number, a boolean or null', params: SCALAR },
  { name: 'every nested value, each named', data: { ...GOOD, body: { a: {}, b: '1', c: [1] } }, issues: ['body.a scalar', 'body.c scalar'], message: 'body.a must be a string, a number, a boolean or null', params: SCALAR },
  { name: 'a non-empty array as the body', data: { ...GOOD, body: ['a'] }, issues: ['body type'], message: 'body must be an object of fields (or an empty array)', params: BODY_TYPE },
  { name: 'a string as the body', data: { ...GOOD, body: 'a=1' }, issues: ['body type'], message: 'body must be an object of fields (or an empty array)', params: BODY_TYPE },
  { name: 'null as the body', data: { ...GOOD, body: null }, issues: ['body type'], message: 'body must be an object of fields (or an empty array)', params: BODY_TYPE },
  {
    name: 'every broken field at once',
    data: { method: 'DELETE', url: 'ftp://x', body: { a: {} } },
    issues: ['method one-of', 'url url', 'body.a scalar'],
    message: 'method must be one of: GET, POST',
    params: { values: 'GET, POST' },
  },
  { name: 'a string, not an object', data: '{"method":"GET"}', issues: ['redirect-data type'], message: 'redirect-data must be a JSON object', params: NOT_OBJECT },
  { name: 'null', data: null, issues: ['redirect-data type'], message: 'redirect-data must be a JSON object', params: NOT_OBJECT },
  { name: 'undefined', data: undefined, issues: ['redirect-data type'], message: 'redirect-data must be a JSON object', params: NOT_OBJECT },
  { name: 'an array', data: [GOOD], issues: ['redirect-data type'], message: 'redirect-data must be a JSON object', params: NOT_OBJECT },
  { name: 'a number', data: 5, issues: ['redirect-data type'], message: 'redirect-data must be a JSON object', params: NOT_OBJECT },
  {
    name: 'a GET whose URL with the body would pass 1 MiB (Firefox throws, Chromium goes to about:blank#blocked)',
    data: { method: 'GET', url: 'https://bank.example/pay', body: { a: 'x'.repeat(1_048_576) } },
    issues: ['url max-length'],
    message: 'url must be at most 1048576 characters',
    params: { max: 1_048_576 },
  },
  {
    name: 'a lone surrogate in a body value (a browser would send U+FFFD instead)',
    data: { method: 'POST', url: 'https://bank.example/pay', body: { a: 'x\ud800' } },
    issues: ['body.a type'],
    message: 'body.a must be text without unpaired surrogates',
    params: { expected: 'text without unpaired surrogates' },
  },
  {
    name: 'a lone surrogate in a body key',
    data: { method: 'POST', url: 'https://bank.example/pay', body: { 'k\udc00': '1' } },
    issues: ['body.k\udc00 type'],
    message: 'body.k\udc00 must be text without unpaired surrogates',
    params: { expected: 'text without unpaired surrogates' },
  },
  {
    name: 'a lone surrogate in the url',
    data: { method: 'GET', url: 'https://bank.example/pay?x=\ud800', body: {} },
    issues: ['url type'],
    message: 'url must be text without unpaired surrogates',
    params: { expected: 'text without unpaired surrogates' },
  },
  {
    name: 'a POST to a URL of more than 1 MiB',
    data: { method: 'POST', url: `https://bank.example/pay?${'x'.repeat(1_048_576)}`, body: {} },
    issues: ['url max-length'],
    message: 'url must be at most 1048576 characters',
    params: { max: 1_048_576 },
  },
];

for (const c of refusals) {
  test(`parseRedirectData refuses ${c.name}`, () => {
    const issues = issuesOf(parseRedirectData(c.data, c.allowedHosts ? { allowedHosts: c.allowedHosts } : undefined));
    assert.deepEqual(summary(issues), c.issues);
    if (typeof c.message === 'string') assert.equal(issues[0]!.message, c.message);
    else assert.match(issues[0]!.message, c.message);
    assert.deepEqual(issues[0]!.params, c.params);
    assertMessagesNameFields(issues);
  });
}

// ── accepted ───────────────────────────────────────────────────────────────

interface Acceptance {
  name: string;
  data: unknown;
  allowedHosts?: readonly string[] | null;
  plan: RedirectPlan;
}

const acceptances: Acceptance[] = [
  { name: 'POST: the URL as it is, the body as fields', data: GOOD, plan: { method: 'POST', url: 'https://bank.example/pay', fields: [['a', '1']] } },
  { name: 'post in lower case', data: { ...GOOD, method: 'post' }, plan: { method: 'POST', url: 'https://bank.example/pay', fields: [['a', '1']] } },
  { name: 'Get in mixed case: the body joins the query', data: { ...GOOD, method: 'Get' }, plan: { method: 'GET', url: 'https://bank.example/pay?a=1', fields: [['a', '1']] } },
  { name: 'plain http (the CUP provider)', data: { ...GOOD, url: 'http://payment.qixiqiang.com/pay' }, plan: { method: 'POST', url: 'http://payment.qixiqiang.com/pay', fields: [['a', '1']] } },
  { name: 'the URL normalised (host in lower case)', data: { ...GOOD, url: 'HTTPS://Bank.EXAMPLE/pay' }, plan: { method: 'POST', url: 'https://bank.example/pay', fields: [['a', '1']] } },
  { name: 'body [] (a PHP empty map)', data: { ...GOOD, body: [] }, plan: { method: 'POST', url: 'https://bank.example/pay', fields: [] } },
  { name: 'body {}', data: { ...GOOD, body: {} }, plan: { method: 'POST', url: 'https://bank.example/pay', fields: [] } },
  { name: 'no body', data: { method: 'GET', url: 'https://bank.example/pay?x=1' }, plan: { method: 'GET', url: 'https://bank.example/pay?x=1', fields: [] } },
  {
    name: 'numbers and booleans as text, null as an empty string',
    data: { ...GOOD, body: { a: null, b: 1, c: true, d: 1.5, e: false } },
    plan: { method: 'POST', url: 'https://bank.example/pay', fields: [['a', ''], ['b', '1'], ['c', 'true'], ['d', '1.5'], ['e', 'false']] },
  },
  {
    name: 'a JSON-parsed __proto__ key is kept as a field',
    data: JSON.parse('{"method":"POST","url":"https://b.example/","body":{"__proto__":"x","a":"1"}}') as unknown,
    plan: { method: 'POST', url: 'https://b.example/', fields: [['__proto__', 'x'], ['a', '1']] },
  },
  {
    name: 'a JSON-parsed __proto__ key in a GET query',
    data: JSON.parse('{"method":"GET","url":"https://b.example/?q=1","body":{"__proto__":"x"}}') as unknown,
    plan: { method: 'GET', url: 'https://b.example/?q=1&__proto__=x', fields: [['__proto__', 'x']] },
  },
  { name: 'encrypted is a service field and ignored', data: { method: 'get', url: 'https://bank.example/pay?x=1', body: [], encrypted: ['a', { b: 1 }] }, plan: { method: 'GET', url: 'https://bank.example/pay?x=1', fields: [] } },
  { name: 'unknown keys are ignored', data: { ...GOOD, extra: { deep: true } }, plan: { method: 'POST', url: 'https://bank.example/pay', fields: [['a', '1']] } },
  { name: 'allowed-hosts by host name (case of the URL ignored)', data: { ...GOOD, url: 'https://BANK.example/pay' }, allowedHosts: ['bank.example'], plan: { method: 'POST', url: 'https://bank.example/pay', fields: [['a', '1']] } },
  { name: 'allowed-hosts by host name: any port', data: { ...GOOD, url: 'https://bank.example:8443/pay' }, allowedHosts: ['bank.example'], plan: { method: 'POST', url: 'https://bank.example:8443/pay', fields: [['a', '1']] } },
  { name: 'allowed-hosts by host:port', data: { ...GOOD, url: 'https://bank.example:8443/pay' }, allowedHosts: ['other.example', 'bank.example:8443'], plan: { method: 'POST', url: 'https://bank.example:8443/pay', fields: [['a', '1']] } },
  { name: 'empty allowed-hosts: any host', data: { ...GOOD, url: 'https://any.example/' }, allowedHosts: [], plan: { method: 'POST', url: 'https://any.example/', fields: [['a', '1']] } },
  { name: 'null allowed-hosts: any host', data: { ...GOOD, url: 'https://any.example/' }, allowedHosts: null, plan: { method: 'POST', url: 'https://any.example/', fields: [['a', '1']] } },
];

for (const c of acceptances) {
  test(`parseRedirectData accepts ${c.name}`, () => {
    const options = c.allowedHosts === undefined ? undefined : { allowedHosts: c.allowedHosts };
    assert.deepEqual(parseRedirectData(c.data, options), { ok: true, value: c.plan });
  });
}

// ── ecommpay's documented examples ─────────────────────────────────────────

for (const body of ['{}', '[]']) {
  test(`example: Philippines GET with body ${body} and encrypted [] opens the URL as it is`, () => {
    const data = JSON.parse(`{"method":"GET","body":${body},"encrypted":[],"url":"${PH_URL}"}`) as unknown;
    assert.deepEqual(parseRedirectData(data, { allowedHosts: parseHosts('test.ph payment.qixiqiang.com') }), {
      ok: true,
      value: { method: 'GET', url: PH_URL, fields: [] },
    });
  });
}

test('example: CUP GET, string fields added to the plain-http URL’s query, Chinese and + / = intact', () => {
  const data = JSON.parse(JSON.stringify({ method: 'GET', body: Object.fromEntries(CUP_BODY), encrypted: [], url: CUP_URL })) as unknown;
  const parsed = parseRedirectData(data);
  assert.ok(parsed.ok);
  const { method, url, fields } = parsed.value;
  assert.equal(method, 'GET');
  assert.deepEqual(fields, CUP_BODY);
  const target = new URL(url);
  assert.equal(target.protocol, 'http:');
  assert.equal(`${target.origin}${target.pathname}`, CUP_URL);
  assert.deepEqual([...target.searchParams], CUP_BODY);
  assert.ok(target.search.includes('goodsTitle=%E7%BB%93%E7%AE%97%E6%AC%BE%E9%A1%B9'), target.search);
  assert.ok(target.search.includes('sign=TZUmn8bhp7BO93V06JxJCaf5xi%2BSne0eVfVOCt1mi6%2BYAdnY%2FIfbEBHC2yPXTRRGmquaKSE3uuiL6AfnOm'), target.search);
  assert.match(target.search, /El6w%3D$/);
});

test('example: CUP POST keeps the URL and sends the same fields', () => {
  const parsed = parseRedirectData({ method: 'POST', body: Object.fromEntries(CUP_BODY), url: CUP_URL });
  assert.deepEqual(parsed, { ok: true, value: { method: 'POST', url: CUP_URL, fields: CUP_BODY } });
});

// ── mergeQuery ─────────────────────────────────────────────────────────────

const merges: [name: string, url: string, fields: [string, string][], expected: string][] = [
  ['no fields: the URL as it is', 'https://a.example/p?x=%7e&y=a+b', [], 'https://a.example/p?x=%7e&y=a+b'],
  ['existing parameters kept byte for byte (%7e, +, a bare key)', 'https://a.example/p?x=%7e&y=a+b&z', [['w', '1']], 'https://a.example/p?x=%7e&y=a+b&z&w=1'],
  ['the body wins on the same name, wherever it was', 'https://a.example/p?x=%7e&y=a+b&z', [['y', '2'], ['w', 'é']], 'https://a.example/p?x=%7e&z&y=2&w=%C3%A9'],
  ['every repeat of a name the body sets is replaced', 'https://a.example/p?a=1&a=2&b=3', [['a', 'x']], 'https://a.example/p?b=3&a=x'],
  ['names compared decoded', 'https://a.example/p?a%20b=1&c=2', [['a b', 'x']], 'https://a.example/p?c=2&a+b=x'],
  ['field values form-encoded', 'https://a.example/p', [['a', '1 2&3=4']], 'https://a.example/p?a=1+2%263%3D4'],
  ['a name only prefixing another is not replaced', 'https://a.example/p?ab=1', [['a', '2']], 'https://a.example/p?ab=1&a=2'],
  ['an empty query', 'https://a.example/p?', [['a', 'x']], 'https://a.example/p?a=x'],
  ['the fragment kept', 'https://a.example/p?x=1#frag', [['a', 'x']], 'https://a.example/p?x=1&a=x#frag'],
];

for (const [name, url, fields, expected] of merges) {
  test(`mergeQuery: ${name}`, () => {
    assert.equal(mergeQuery(url, fields), expected);
  });
}

test('bodyFields: plain objects only', () => {
  assert.deepEqual(bodyFields({ a: 1, b: null }), [['a', '1'], ['b', '']]);
  assert.deepEqual(bodyFields([]), []);
  assert.deepEqual(bodyFields(null), []);
  assert.deepEqual(bodyFields('a=1'), []);
});

test('parseHosts: space-separated, lower case, blanks dropped', () => {
  assert.deepEqual(parseHosts('  Test.PH  payment.qixiqiang.com:8443\n\tc '), ['test.ph', 'payment.qixiqiang.com:8443', 'c']);
  assert.deepEqual(parseHosts(''), []);
  assert.deepEqual(parseHosts(null), []);
  assert.deepEqual(parseHosts(undefined), []);
  // What is no text (a script's array or object) allows no host: refused, never read as "any host".
  for (const hosts of [['bank.example'], { 'bank.example': true }, 1]) {
    const plan = parseRedirectData({ method: 'GET', url: 'https://bank.example/pay' }, { allowedHosts: parseHosts(hosts) });
    assert.deepEqual(summary(issuesOf(plan)), ['url host']);
  }
});

// ── readPollAnswer ─────────────────────────────────────────────────────────

const polls: [name: string, answer: unknown, read: PollAnswer][] = [
  ['redirect_data: ready', { redirect_data: { method: 'GET', url: PH_URL } }, { kind: 'ready', data: { method: 'GET', url: PH_URL } }],
  ['redirectData (camel case): ready', { redirectData: { a: 1 } }, { kind: 'ready', data: { a: 1 } }],
  ['redirect_data wins over a status', { redirect_data: 'x', status: 'decline' }, { kind: 'ready', data: 'x' }],
  ['redirect_data null: the status is read', { redirect_data: null, status: 'Processing' }, { kind: 'status', status: 'processing', final: false }],
  ['success is final, in any case; code as text', { status: 'SUCCESS', code: 0, message: 'ok' }, { kind: 'status', status: 'success', final: true, code: '0', message: 'ok' }],
  ['decline is final; a non-scalar code and an empty message are left out', { status: 'decline', code: { a: 1 }, message: '' }, { kind: 'status', status: 'decline', final: true }],
  ['a status with code and message', { status: 'awaiting redirect', code: '3001', message: 'Waiting' }, { kind: 'status', status: 'awaiting redirect', final: false, code: '3001', message: 'Waiting' }],
  ['a null code is left out', { status: 'processing', code: null }, { kind: 'status', status: 'processing', final: false }],
  ['a status that is not a string', { status: 5 }, { kind: 'unknown' }],
  ['an empty object', {}, { kind: 'unknown' }],
  ['an array', [], { kind: 'unknown' }],
  ['a string', 'ready', { kind: 'unknown' }],
  ['null', null, { kind: 'unknown' }],
];

for (const [name, answer, read] of polls) {
  test(`readPollAnswer: ${name}`, () => {
    assert.deepEqual(readPollAnswer(answer), read);
  });
}

// ── timing attributes ──────────────────────────────────────────────────────

type TimerInput = Record<'poll-interval' | 'poll-timeout' | 'fallback-delay', string | null>;
const NO_TIMERS: TimerInput = { 'poll-interval': null, 'poll-timeout': null, 'fallback-delay': null };
const timerCases: [name: string, input: Partial<TimerInput>, expected: string[] | typeof REDIRECT_TIMERS][] = [
  ['none: the defaults', {}, REDIRECT_TIMERS],
  ['each set', { 'poll-interval': '250', 'poll-timeout': '60000', 'fallback-delay': '1' }, { pollInterval: 250, pollTimeout: 60000, fallbackDelay: 1 }],
  ['the longest a timer waits', { 'poll-timeout': '2147483647' }, { ...REDIRECT_TIMERS, pollTimeout: 2147483647 }],
  ['poll-interval 0 (would poll in a tight loop)', { 'poll-interval': '0' }, ['poll-interval positive-integer']],
  ['poll-timeout beyond what a timer waits (would fire at once)', { 'poll-timeout': '2147483648' }, ['poll-timeout max']],
  ['fallback-delay 2^32 + 1000 (would wrap to 1 s)', { 'fallback-delay': '4294968296' }, ['fallback-delay max']],
  ['a fraction', { 'poll-interval': '1.5' }, ['poll-interval positive-integer']],
  ['negative', { 'poll-timeout': '-1' }, ['poll-timeout positive-integer']],
  ['an exponent', { 'poll-interval': '1e3' }, ['poll-interval positive-integer']],
  ['blank: the default, as for an absent attribute', { 'fallback-delay': '', 'poll-interval': '  ' }, REDIRECT_TIMERS],
  ['fallback-delay 0: the fallback at once', { 'fallback-delay': '0' }, { ...REDIRECT_TIMERS, fallbackDelay: 0 }],
  ['every one broken, each named', { 'poll-interval': 'x', 'poll-timeout': '0', 'fallback-delay': 'NaN' }, ['poll-interval positive-integer', 'poll-timeout positive-integer', 'fallback-delay positive-integer']],
];
for (const [name, input, expected] of timerCases) {
  test(`parseRedirectTimers: ${name}`, () => {
    const parsed = parseRedirectTimers({ ...NO_TIMERS, ...input });
    if (Array.isArray(expected)) {
      const issues = issuesOf(parsed);
      assert.deepEqual(summary(issues), expected);
      assertMessagesNameFields(issues);
    } else {
      assert.deepEqual(parsed, { ok: true, value: expected });
    }
  });
}
