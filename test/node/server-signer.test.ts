/**
 * `ecommpay-elements/server` signing: the documented vectors, and a differential test against
 * ecommpay's official JavaScript SDK (npm `ecommpay`, a dev dependency used only as an oracle).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { signParams, signatureString, verifySignature, withoutSignature } from '../../src/server/index.ts';

const require = createRequire(import.meta.url);
const sdkSign = require('ecommpay/src/signer.js') as (obj: object, salt: string) => string;
const SdkCallback = require('ecommpay/src/callback.js') as new (secret: string, data: object) => unknown;

test('vector 1 (ecommpay documentation): the signed string and the signature', async () => {
  const params = {
    project_id: 12345,
    payment_id: 'X03936',
    payment_amount: 2035,
    payment_currency: 'USD',
    payment_description: 'Guyliner purchase',
    customer_first_name: 'Jack',
    customer_id: 'user007',
    customer_last_name: 'Sparrow',
    customer_phone: '02081234567',
    close_on_missclick: true,
  };
  assert.equal(
    signatureString(params),
    'close_on_missclick:1;customer_first_name:Jack;customer_id:user007;customer_last_name:Sparrow;customer_phone:02081234567;payment_amount:2035;payment_currency:USD;payment_description:Guyliner purchase;payment_id:X03936;project_id:12345',
  );
  assert.equal(
    await signParams(params, 'secret'),
    'SyA3cx/dmFrwjRcpbnwEK9zaklWKR9buIfTctQob/EHUTutFLpI0zWpSDFEWEwbZt/04i83395RCdEhtUMw83A==',
  );
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

function value(r: () => number, depth: number): unknown {
  const k = r();
  if (depth < 3 && k < 0.12) return object(r, depth + 1);
  if (depth < 3 && k < 0.22) return array(r, depth + 1);
  if (k < 0.3) return null;
  if (k < 0.4) return r() < 0.5;
  if (k < 0.55) return Math.floor(r() * 2_000_000) - 1_000;
  if (k < 0.6) return [0, -0, 1.5, 1e21, 0.1 + 0.2, Number.MAX_SAFE_INTEGER][Math.floor(r() * 6)];
  if (k < 0.62) return undefined;
  return STRINGS[Math.floor(r() * STRINGS.length)];
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

test('differential: byte-identical to the official SDK over 3,000 generated parameter sets', async () => {
  const r = rng(20261122);
  const keys = ['secret', 'a much longer secret key 秘密', 'k'];
  let compared = 0;
  for (let i = 0; i < 3000; i++) {
    const params = object(r, 0);
    const key = keys[i % keys.length]!;
    const ours = await signParams(params, key);
    const theirs = sdkSign(params, key);
    assert.equal(ours, theirs, `set #${i}: ${JSON.stringify(params)}`);
    compared++;
  }
  assert.equal(compared, 3000);
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
