/**
 * `ecommpay-elements/server` signing: the documented vectors, a differential test against
 * ecommpay's official JavaScript SDK (npm `ecommpay`, a dev dependency used only as an oracle),
 * and the refusals of SPEC §11: ambiguous objects, payloads past the bounds, non-canonical Base64.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import {
  AmbiguousPayloadError,
  checkSignature,
  findAmbiguity,
  signParams,
  signatureString,
  verifySignature,
  withoutSignature,
  type UnsignableReason,
} from '../../src/server/index.ts';
import { DOCUMENTATION_VECTOR } from '../fixtures/signing.ts';

const require = createRequire(import.meta.url);
const sdkSign = require('ecommpay/src/signer.js') as (obj: object, salt: string) => string;
const SdkCallback = require('ecommpay/src/callback.js') as new (secret: string, data: object) => unknown;

test('vector 1 (ecommpay documentation): the signed string and the signature', async () => {
  const { params, secret, signed, signature } = DOCUMENTATION_VECTOR;
  assert.equal(signatureString(params), signed);
  assert.equal(await signParams(params, secret), signature);
});

test('vector 2 (ecommpay PHP SDK tests): raw values, a JSON-string parameter', async () => {
  const params = {
    project_id: 100,
    interface_type: '{"id":23}',
    payment_id: 'test payment id',
    payment_description: 'B&W',
  };
  assert.equal(
    await signParams(params, 'secret'),
    '97JFQpAyJ4HPfGVedJh0M1MqQDOFt/MCbdh8VrsT7DdRyTBDAF2mvUOsDANx1ZPfbvZg0+VUbF43xJnq0jEeLA==',
  );
});

test('arrays flatten by index in numeric order; empty containers add nothing; frame_mode is skipped', () => {
  assert.equal(signatureString({ a: { b: [1, 2] } }), 'a:b:0:1;a:b:1:2');
  const eleven = Array.from({ length: 11 }, (_, i) => i);
  assert.equal(signatureString({ x: eleven }), eleven.map((i) => `x:${i}:${i}`).join(';'));
  assert.equal(signatureString({ a: {}, b: [], c: null, d: false, frame_mode: 'iframe' }), 'c:;d:0');
});

// ── differential test ────────────────────────────────────────────────────────

/** A small seeded PRNG (mulberry32), so a failure can be replayed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = [
  'project_id', 'payment_id', 'payment_amount', 'payment_currency', 'customer_id', 'payment_description',
  'language_code', 'force_payment_method', 'payment_methods_options', 'frame_mode', '_referrer', 'signature',
  'a', 'B', 'b', 'Z', '0', '1', '2', '9', '10', '11', '01', '-1', '1.5', 'id', 'ID', '名字', 'ключ', 'a:b',
  'with space', 'semi;colon', '', '__proto__', 'constructor', 'toString', 'ä', 'Å',
];
const STRINGS = [
  '', 'test payment', 'CNY', 'PHP', '结算款项', '测试支付', 'B&W', 'a=b&c=d', '1+1', '{"id":22}',
  '{"online_philippines_banks":{"split_banks":true,"banks_id":[2421,2371]}}', 'line\nbreak', 'emoji 😀',
  'null', 'true', '0', ' padded ', 'a:b:c', 'http://example.com/?q=1', 'iframe',
];
/** Values the signed string cannot tell from a split into more fields (SPEC §11). */
const SEMICOLON_STRINGS = ['a;b', ';', 'trailing;', '1;payment:status:success', '结算;款项', 'x;y:z;'];
const ALL_STRINGS = [...STRINGS, ...SEMICOLON_STRINGS];

function value(r: () => number, depth: number): unknown {
  const k = r();
  if (depth < 3 && k < 0.12) return object(r, depth + 1);
  if (depth < 3 && k < 0.22) return array(r, depth + 1);
  if (k < 0.3) return null;
  if (k < 0.4) return r() < 0.5;
  if (k < 0.55) return Math.floor(r() * 2_000_000) - 1_000;
  if (k < 0.6) return [0, -0, 1.5, 1e21, 0.1 + 0.2, Number.MAX_SAFE_INTEGER][Math.floor(r() * 6)];
  if (k < 0.62) return undefined;
  return ALL_STRINGS[Math.floor(r() * ALL_STRINGS.length)];
}

function array(r: () => number, depth: number): unknown[] {
  const n = r() < 0.3 ? 11 + Math.floor(r() * 15) : Math.floor(r() * 4);
  return Array.from({ length: n }, () => value(r, depth));
}

function object(r: () => number, depth: number): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  const n = Math.floor(r() * (depth === 0 ? 14 : 6));
  for (let i = 0; i < n; i++) {
    const key = KEYS[Math.floor(r() * KEYS.length)]!;
    // defineProperty: `__proto__` becomes an own key, as JSON.parse would make it.
    Object.defineProperty(o, key, { value: value(r, depth), enumerable: true, writable: true, configurable: true });
  }
  return o;
}

/**
 * Every place where the signed string would be ambiguous, found independently of the code under
 * test: a key with `:` or `;` (its value is not looked into), a string value with `;`. What the
 * signer leaves out (`frame_mode` at any depth, `__proto__`) does not count.
 */
function referenceProblems(node: unknown, path = '', out: { path: string; reason: UnsignableReason }[] = []) {
  if (node === null || typeof node !== 'object') {
    if (typeof node === 'string' && node.includes(';')) out.push({ path, reason: 'ambiguous-value' });
    return out;
  }
  for (const key of Object.keys(node)) {
    if (key === 'frame_mode' || key === '__proto__') continue;
    const at = path ? `${path}.${key}` : key;
    if (key.includes(':') || key.includes(';')) out.push({ path: at, reason: 'ambiguous-key' });
    else referenceProblems((node as Record<string, unknown>)[key], at, out);
  }
  return out;
}

test('differential: byte-identical to the official SDK on every unambiguous set; ambiguous sets refused, naming the path', async (t) => {
  const r = rng(20261122);
  const keys = ['secret', 'a much longer secret key 秘密', 'k'];
  let compared = 0;
  let refused = 0;
  const refusedFor = { 'ambiguous-key': 0, 'ambiguous-value': 0 } as Record<UnsignableReason, number>;
  for (let i = 0; i < 6000; i++) {
    const params = object(r, 0);
    const key = keys[i % keys.length]!;
    const where = `set #${i}: ${JSON.stringify(params)}`;
    const expected = referenceProblems(params);
    const problem = findAmbiguity(params);
    if (problem === null) {
      assert.deepEqual(expected, [], `findAmbiguity missed a problem in ${where}`);
      assert.equal(await signParams(params, key), sdkSign(params, key), where);
      compared++;
    } else {
      assert.ok(
        expected.some((p) => p.path === problem.path && p.reason === problem.reason),
        `findAmbiguity answered ${JSON.stringify(problem)}, not one of ${JSON.stringify(expected)} in ${where}`,
      );
      await assert.rejects(
        signParams(params, key),
        (error: unknown) =>
          error instanceof AmbiguousPayloadError && error.path === problem.path && error.reason === problem.reason,
        where,
      );
      refused++;
      refusedFor[problem.reason]++;
    }
  }
  assert.equal(compared + refused, 6000);
  t.diagnostic(`${compared} compared with the SDK, ${refused} refused (${JSON.stringify(refusedFor)})`);
  // Neither branch is vacuous, and both kinds of ambiguity come up often.
  assert.ok(compared >= 1500, `only ${compared} unambiguous sets compared with the SDK`);
  assert.ok(refused >= 1500, `only ${refused} ambiguous sets refused`);
  assert.ok(refusedFor['ambiguous-key'] >= 600, `only ${refusedFor['ambiguous-key']} sets with an ambiguous key`);
  assert.ok(refusedFor['ambiguous-value'] >= 600, `only ${refusedFor['ambiguous-value']} sets with an ambiguous value`);
});

test('differential: flat Payment Page parameter sets with Chinese text, arrays > 10 and frame_mode', async () => {
  const r = rng(7);
  for (let i = 0; i < 1000; i++) {
    const params: Record<string, unknown> = {
      project_id: 1 + Math.floor(r() * 100000),
      payment_id: `order-${i}`,
      payment_amount: 10000 + Math.floor(r() * 1_000_000),
      payment_currency: r() < 0.5 ? 'CNY' : 'PHP',
      customer_id: `c${i}`,
      payment_description: STRINGS[i % STRINGS.length],
      frame_mode: 'iframe',
      list: Array.from({ length: 12 }, (_, j) => j * i),
      flag: r() < 0.5,
      empty: '',
      nothing: null,
    };
    assert.equal(await signParams(params, 'secret'), sdkSign(params, 'secret'));
  }
});

// ── ambiguity (SPEC §11) ─────────────────────────────────────────────────────

test('findAmbiguity: the first problem in signing order, as a dotted path; clean objects → null', () => {
  const nested = (depth: number): unknown => {
    let node: unknown = 'leaf';
    for (let i = 0; i < depth; i++) node = { n: node };
    return node;
  };
  const cases: [string, unknown, { path: string; reason: UnsignableReason } | null][] = [
    ['value with ; at depth 2', { customer: { phone: '1;2' } }, { path: 'customer.phone', reason: 'ambiguous-value' }],
    ['value with ; deep in arrays', { a: { b: { c: ['x', 'y;z'] } } }, { path: 'a.b.c.1', reason: 'ambiguous-value' }],
    ['value with ; in a list', { list: [0, 'one', null, 'a;b'] }, { path: 'list.3', reason: 'ambiguous-value' }],
    ['value that is only ;', { x: ';' }, { path: 'x', reason: 'ambiguous-value' }],
    ['key with :', { customer: { 'a:b': 1 } }, { path: 'customer.a:b', reason: 'ambiguous-key' }],
    ['key with ;', { 'x;y': 1 }, { path: 'x;y', reason: 'ambiguous-key' }],
    ['key with : holding an object', { 'payment:status': { x: 'success' } }, { path: 'payment:status', reason: 'ambiguous-key' }],
    ['first in sorted order', { b: 'x;', a: 'y;' }, { path: 'a', reason: 'ambiguous-value' }],
    ['indices in numeric order (9 before 10)', { x: { '10': 'a;', '9': 'b;' } }, { path: 'x.9', reason: 'ambiguous-value' }],
    ['frame_mode subtree ignored', { frame_mode: { 'a:b': 'c;d' }, x: 1 }, null],
    ['frame_mode ignored at depth', { a: { frame_mode: 'x;y' } }, null],
    ['a : in a value is fine', { a: 1, b: 'x:y', c: [1, { d: null }], e: true, f: '' }, null],
    ['clean callback', { project_id: 1, payment: { id: 'p', sum: { amount: 1, currency: 'PHP' } }, signature: 'x' }, null],
    ['empty object', {}, null],
    ['33 levels of objects are too deep', nested(33), { path: Array(32).fill('n').join('.'), reason: 'too-deep' }],
    ['32 levels are not', nested(32), null],
    ['more than 20,000 nodes', { list: Array.from({ length: 20_000 }, () => 0) }, { path: 'list.19998', reason: 'too-large' }],
  ];
  for (const [name, input, expected] of cases) {
    assert.deepEqual(findAmbiguity(input), expected, name);
  }
});

/** A signature computed the way ecommpay's own signer would, with no refusal: node:crypto over the signed string. */
const handSign = (payload: object, key: string) => createHmac('sha512', key).update(signatureString(payload)).digest('base64');

test('SPEC §11: two objects, one signed string; the ambiguous one is refused, and a signature over it authenticates neither', async () => {
  const key = 'secret';
  const original = { customer: { phone: '1;payment:status:success' } };
  const twin = { customer: { phone: '1' }, payment: { status: 'success' } };
  assert.equal(signatureString(original), 'customer:phone:1;payment:status:success');
  assert.equal(signatureString(twin), signatureString(original));

  await assert.rejects(signParams(original, key), (error: unknown) => {
    assert.ok(error instanceof AmbiguousPayloadError);
    assert.ok(error instanceof TypeError);
    assert.equal(error.path, 'customer.phone');
    assert.equal(error.reason, 'ambiguous-value');
    assert.match(error.message, /customer\.phone/);
    return true;
  });

  // ecommpay's signer refuses nothing: the official SDK signs the ambiguous object, and so does node:crypto.
  const signature = handSign(original, key);
  assert.equal(signature, sdkSign(original, key));

  assert.equal(await verifySignature({ ...original, signature }, key), false);
  assert.equal(await verifySignature(JSON.stringify({ ...original, signature }), key), false);
  assert.deepEqual(await checkSignature({ ...original, signature }, key), {
    valid: false,
    signed: true,
    reason: 'ambiguous',
    path: 'customer.phone',
    rule: 'ambiguous-value',
    payload: original,
    signature,
  });

  // The reshaped twin has no `;` anywhere: it is exactly what an honest signer produces for it
  // (our own signParams signs it, byte for byte the same). No verifier can tell it from a genuine
  // one, so it verifies; what stops it is that nothing ambiguous is signed by us, the ambiguous
  // original is held for review, and the callback handler cross-checks every callback with the
  // order (see callback-handler.test.ts).
  assert.equal(await signParams(twin, key), signature);
  assert.equal(await verifySignature({ ...twin, signature }, key), true);
  const check = await checkSignature({ ...twin, signature }, key);
  assert.equal(check.signed, true);
  assert.equal(check.valid, true);
});

// ── bounds ───────────────────────────────────────────────────────────────────

/** `{"a":{"a":…1…}}`, `depth` objects deep, built without recursion; and its signed string. */
function deepObject(depth: number): { object: object; text: string; signed: string } {
  let node: unknown = 1;
  for (let i = 0; i < depth; i++) node = { a: node };
  return { object: node as object, text: '{"a":'.repeat(depth) + '1' + '}'.repeat(depth), signed: 'a:'.repeat(depth) + '1' };
}

test('bounds: deeply nested payloads (5,000 and 100,000 levels) → false / too-deep, never a throw', async () => {
  const key = 'secret';
  const cases: { name: string; text: string; object?: object }[] = [];
  {
    // 5,000 objects deep (30 KB), signed correctly: only the bound refuses it.
    const { object, text, signed } = deepObject(5000);
    const signature = createHmac('sha512', key).update(signed).digest('base64');
    cases.push({
      name: '5,000 objects deep, validly signed',
      text: `{"signature":"${signature}",${text.slice(1)}`,
      object: Object.assign(object, { signature }),
    });
  }
  {
    // 10 KB: one object holding 4,999 nested arrays.
    const text = '{"a":' + '['.repeat(4999) + '1' + ']'.repeat(4999) + '}';
    const signed = 'a:' + '0:'.repeat(4999) + '1';
    const signature = createHmac('sha512', key).update(signed).digest('base64');
    assert.ok(text.length < 11_000 && text.length > 9_000, `${text.length} characters`);
    const withSignature = `{"signature":"${signature}",${text.slice(1)}`;
    cases.push({ name: '5,000 levels of arrays, 10 KB, validly signed', text: withSignature });
  }
  {
    // Deeper than any recursive walk survives (JSON.parse itself is iterative).
    const { text } = deepObject(100_000);
    const signature = handSign({ a: 1 }, key);
    cases.push({ name: '100,000 objects deep', text: `{"signature":"${signature}","a":${text}}` });
  }
  for (const { name, text, object } of cases) {
    for (const [form, payload] of [['text', text], ['object', object ?? JSON.parse(text)]] as const) {
      let verified: boolean | undefined;
      await assert.doesNotReject(async () => {
        verified = await verifySignature(payload, key);
      }, `${name} (${form})`);
      assert.equal(verified, false, `${name} (${form})`);
      assert.deepEqual(await checkSignature(payload, key), { valid: false, signed: false, reason: 'too-deep' }, `${name} (${form})`);
    }
  }
});

test('bounds: signParams and signatureString refuse a too-deep object with AmbiguousPayloadError, not RangeError', async () => {
  for (const depth of [33, 5000, 100_000]) {
    const { object } = deepObject(depth);
    await assert.rejects(signParams(object, 'secret'), (error: unknown) => {
      assert.ok(error instanceof AmbiguousPayloadError, `depth ${depth}: ${String(error)}`);
      assert.equal(error.reason, 'too-deep');
      return true;
    });
    assert.throws(() => signatureString(object), AmbiguousPayloadError, `depth ${depth}`);
  }
  // A realistic depth signs as the SDK does.
  const { object } = deepObject(32);
  assert.equal(await signParams(object, 'secret'), sdkSign(object, 'secret'));
});

test('bounds: a JSON text over 1 MiB → too-large; one of exactly 1 MiB still verifies', async () => {
  const key = 'secret';
  const sized = (length: number) => {
    // `{"pad":"xxx…","signature":"<88>"}`: 8 + pad + 15 + 88 + 2 characters.
    const pad = 'x'.repeat(length - 8 - 15 - 88 - 2);
    const signature = sdkSign({ pad }, key);
    const text = JSON.stringify({ pad, signature });
    assert.equal(text.length, length);
    return text;
  };
  const atLimit = sized(1024 * 1024);
  assert.equal(await verifySignature(atLimit, key), true, 'exactly 1 MiB');
  const over = sized(1024 * 1024 + 1);
  assert.equal(await verifySignature(over, key), false, 'one character over 1 MiB, validly signed');
  assert.deepEqual(await checkSignature(over, key), { valid: false, signed: false, reason: 'too-large' });
  const huge = sized(3 * 1024 * 1024);
  assert.deepEqual(await checkSignature(huge, key), { valid: false, signed: false, reason: 'too-large' });
});

test('bounds: an object of more than 20,000 nodes → false (too-large), even validly signed', async () => {
  const key = 'secret';
  const big = { list: Array.from({ length: 20_001 }, (_, i) => i) };
  const signature = sdkSign(big, key);
  assert.equal(await verifySignature({ ...big, signature }, key), false);
  assert.equal(await verifySignature(JSON.stringify({ ...big, signature }), key), false);
  assert.deepEqual(await checkSignature({ ...big, signature }, key), { valid: false, signed: false, reason: 'too-large' });
  // A large but reasonable payload still verifies.
  const fine = { list: Array.from({ length: 10_000 }, (_, i) => i) };
  assert.equal(await verifySignature({ ...fine, signature: sdkSign(fine, key) }, key), true);
});

// ── canonical Base64 ─────────────────────────────────────────────────────────

test('canonical Base64 only: other encodings of the very same bytes are refused', async () => {
  const key = 'secret';
  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  // A payload whose signature has both `+` and `/`, so the base64url variant differs.
  let payload: Record<string, unknown> = {};
  let signature = '';
  for (let i = 0; ; i++) {
    payload = { project_id: 580, payment: { id: `p${i}`, status: 'success' } };
    signature = sdkSign(payload, key);
    if (signature.includes('+') && signature.includes('/')) break;
  }
  assert.match(signature, /^[A-Za-z0-9+/]{86}==$/);
  const bytes = Buffer.from(signature, 'base64');
  assert.equal(bytes.length, 64);
  assert.equal(await verifySignature({ ...payload, signature }, key), true, 'the canonical signature');

  const last = signature[85]!;
  const sibling = ALPHABET[ALPHABET.indexOf(last) ^ 1]!;
  const variants: [string, string][] = [
    ['non-zero padding bits', signature.slice(0, 85) + sibling + '=='],
    ['non-zero padding bits (highest)', signature.slice(0, 85) + ALPHABET[ALPHABET.indexOf(last) | 0b1111]! + '=='],
    ['no padding', signature.slice(0, 86)],
    ['one = only', signature.slice(0, 87)],
    ['an extra =', signature + '='],
    ['a line break inside', signature.slice(0, 44) + '\n' + signature.slice(44)],
    ['a space inside', signature.slice(0, 10) + ' ' + signature.slice(10)],
    ['surrounding whitespace', ` ${signature}\n`],
    ['base64url alphabet', signature.replaceAll('+', '-').replaceAll('/', '_')],
    ['base64url without padding', signature.replaceAll('+', '-').replaceAll('/', '_').slice(0, 86)],
  ];
  for (const [name, variant] of variants) {
    assert.notEqual(variant, signature, name);
    // Precondition: a lenient decoder reads exactly the right bytes, so only the encoding is wrong.
    assert.deepEqual(Buffer.from(variant, 'base64'), bytes, `${name} decodes to the signature's bytes`);
    assert.equal(await verifySignature({ ...payload, signature: variant }, key), false, name);
    assert.deepEqual(await checkSignature({ ...payload, signature: variant }, key), { valid: false, signed: false, reason: 'bad-encoding' }, name);
  }
});

test('verifySignature: accepts what the SDK signs, refuses any change, compares whole signatures', async () => {
  const callback = {
    project_id: 580,
    payment: { id: 'p1', type: 'purchase', status: 'success', sum: { amount: 10000, currency: 'CNY' } },
    operation: { id: 17, code: '0', message: 'Success', provider: { id: 1, payment_id: '', auth_code: '' } },
    customer: { id: 'c1' },
  };
  const signature = sdkSign(callback, 'secret');
  const signed = { ...callback, signature };
  assert.equal(await verifySignature(signed, 'secret'), true);
  assert.equal(await verifySignature(JSON.stringify(signed), 'secret'), true);
  assert.doesNotThrow(() => new SdkCallback('secret', structuredClone(signed)));

  assert.equal(await verifySignature({ ...signed, project_id: 581 }, 'secret'), false);
  assert.equal(await verifySignature(signed, 'other'), false);
  assert.equal(await verifySignature({ ...callback, signature: signature.slice(0, -4) + 'AAA=' }, 'secret'), false);
  assert.equal(await verifySignature(callback, 'secret'), false, 'no signature at all');
  assert.equal(await verifySignature('not json', 'secret'), false);
  assert.equal(await verifySignature({ ...callback, signature: '***' }, 'secret'), false);
});

test('verifySignature: a Gate request signed at general.signature; nested signatures are removed', async () => {
  const request = {
    general: { project_id: 580, payment_id: 'test_philippines_sale' },
    payment: { amount: 1000, currency: 'PHP' },
    account: { bank_id: 2681 },
  };
  const signature = await signParams(request, 'secret');
  const signed = { ...request, general: { ...request.general, signature } };
  assert.equal(await verifySignature(signed, 'secret'), true);
  const { rest } = withoutSignature(signed);
  assert.deepEqual(rest, request);
});

test('checkSignature hands on only what the signature covers: no __proto__, frame_mode or nested signature', async () => {
  const signed = { project_id: 1, payment: { id: 'p1', status: 'success' } };
  const signature = await signParams(signed, 'secret');
  // Keys the signer never signs, added by someone else after signing: the signature still matches.
  const text = `{"project_id":1,"__proto__":{"status":"success"},"payment":{"id":"p1","status":"success","frame_mode":"x","signature":"y"},"signature":"${signature}"}`;
  const check = await checkSignature(text, 'secret');
  assert.equal(check.valid, true);
  assert.ok(check.signed);
  assert.deepEqual(check.payload, signed);
  assert.equal(Object.hasOwn(check.payload, '__proto__'), false);
  assert.equal(Object.getPrototypeOf(check.payload), Object.prototype);
  assert.equal(check.signature, signature);
});
