/**
 * `core/gate.ts`: the Gate request schemas built from each method's declarative `gate.bodies`.
 * For each method × operation a valid body passes, and each rule gives its `{ field, rule }`.
 * SPEC §5, §9: CUP names and payout address in Chinese, phone digits, payout country CN,
 * purchases 10000–10000000 CNY, payouts 10000–4999900 CNY; Philippines purchases 100–100000000
 * PHP (other currencies converted, no limits), payouts 1000–10000000 PHP only.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as z from 'zod/mini';
import type { IssueParams } from '../../../src/core/errors.ts';
import {
  bankListPath,
  bankListRequestSchema,
  checkGate,
  gateBodySchema,
  gateIssues,
  gatePath,
  gateRequestSchema,
  routeOfGatePath,
  statusRequestSchema,
  type GateOperation,
} from '../../../src/core/gate.ts';
import type { MethodCode } from '../../../src/core/methods/index.ts';
import { assertMessagesNameFields, patched, summary } from './helpers.ts';

const CUP_NAME = 'CUP Banks (China UnionPay)';
const PH_NAME = 'Banks of the Philippines';

const VALID: Record<MethodCode, Record<GateOperation, Record<string, unknown>>> = {
  'cup-bank': {
    sale: {
      customer: {
        id: 'customer-1',
        ip_address: '203.0.113.10',
        first_name: '伟',
        last_name: '王',
        street: 'Renmin Road 100',
        city: 'Hangzhou',
        zip: '310000',
        country: 'CN',
        phone: '8613800138000',
        email: 'wang.wei@example.cn',
      },
      payment: { amount: 10000, currency: 'CNY', description: '订单 1' },
      return_url: { success: 'https://shop.example/ok' },
    },
    payout: {
      customer: {
        id: 'customer-1',
        ip_address: '203.0.113.10',
        email: 'wang.wei@example.cn',
        phone: '8613800138000',
        state: '浙江省',
        city: '杭州市',
        street: '人民路 100 号',
        country: 'CN',
        zip: '310000',
        first_name: '伟',
        last_name: '王',
        identify: { doc_number: '330102199001011234' },
      },
      payment: { amount: 100000, currency: 'CNY', description: 'Payout' },
      card: { pan: '6217003760136456530' },
      account: { bank_id: 6, region_id: 10, city: '杭州', branch: 'HZRM' },
    },
  },
  'online-philippines-banks': {
    sale: {
      customer: { id: 'customer-7', email: 'test_customer@example.com', ip_address: '1.1.1.1', first_name: 'John', last_name: 'Doe' },
      payment: { amount: 1000, currency: 'PHP' },
      account: { bank_id: 2681 },
      return_url: { success: 'http://example.com/success' },
    },
    payout: {
      customer: { id: 'customer-7', ip_address: '203.0.113.10' },
      payment: { amount: 150050, currency: 'PHP', description: 'Seller withdrawal' },
      account: { bank_id: 486, customer_name: 'Juan Dela Cruz', number: '1670033323', branch: 'Makati Avenue', city: 'Manila', region_id: 297 },
    },
  },
};

const PAIRS: [MethodCode, GateOperation][] = [
  ['cup-bank', 'sale'],
  ['cup-bank', 'payout'],
  ['online-philippines-banks', 'sale'],
  ['online-philippines-banks', 'payout'],
];

for (const [method, operation] of PAIRS) {
  test(`${method} ${operation}: the valid body passes, unknown fields kept`, () => {
    const body = patched(VALID[method][operation], { 'customer.extra_field': 'kept', top_level: 1 });
    assert.deepEqual(checkGate(gateBodySchema(method, operation), body), { ok: true, value: body });
  });

  test(`${method} ${operation}: the full request (general + body) passes`, () => {
    const request = { general: { project_id: 580, payment_id: 'p-1', signature: 'c2ln' }, ...VALID[method][operation] };
    assert.deepEqual(checkGate(gateRequestSchema(method, operation), request), { ok: true, value: request });
  });

  test(`${method} ${operation}: schemas are built once`, () => {
    assert.equal(gateBodySchema(method, operation), gateBodySchema(method, operation));
    assert.equal(gateRequestSchema(method, operation), gateRequestSchema(method, operation));
  });
}

// ── each rule ──────────────────────────────────────────────────────────────

interface Rule {
  name: string;
  method: MethodCode;
  operation: GateOperation;
  /** Dotted paths to change in the valid body (`undefined` removes the key). */
  changes: Record<string, unknown>;
  /** Every issue as `field rule` (sorted: the order zod reports in is not part of the contract). */
  issues: string[];
  /** The params of the issue on the first field listed (omitted: none). */
  params?: IssueParams;
}

const SALE_CUP = { method: 'cup-bank', operation: 'sale' } as const;
const PAYOUT_CUP = { method: 'cup-bank', operation: 'payout' } as const;
const SALE_PH = { method: 'online-philippines-banks', operation: 'sale' } as const;
const PAYOUT_PH = { method: 'online-philippines-banks', operation: 'payout' } as const;

const rules: Rule[] = [
  // CUP sale
  { name: 'first name in Latin letters', ...SALE_CUP, changes: { 'customer.first_name': 'Wei' }, issues: ['customer.first_name chinese'] },
  { name: 'last name in Latin letters', ...SALE_CUP, changes: { 'customer.last_name': 'Wang' }, issues: ['customer.last_name chinese'] },
  { name: 'a name with a space', ...SALE_CUP, changes: { 'customer.first_name': '王 伟' }, issues: ['customer.first_name chinese'] },
  { name: 'a transliterated name with the middle dot passes', ...SALE_CUP, changes: { 'customer.first_name': '阿卜杜·热合曼' }, issues: [] },
  { name: 'an empty name', ...SALE_CUP, changes: { 'customer.last_name': '' }, issues: ['customer.last_name chinese'] },
  { name: 'a phone with "+"', ...SALE_CUP, changes: { 'customer.phone': '+8613800138000' }, issues: ['customer.phone digits'], params: { min: 4, max: 24 } },
  { name: 'a phone with spaces', ...SALE_CUP, changes: { 'customer.phone': '138 0013 8000' }, issues: ['customer.phone digits'], params: { min: 4, max: 24 } },
  { name: 'a phone of 3 digits', ...SALE_CUP, changes: { 'customer.phone': '123' }, issues: ['customer.phone digits'], params: { min: 4, max: 24 } },
  { name: 'a phone of 25 digits', ...SALE_CUP, changes: { 'customer.phone': '1'.repeat(25) }, issues: ['customer.phone digits'], params: { min: 4, max: 24 } },
  { name: 'a phone as a number', ...SALE_CUP, changes: { 'customer.phone': 8613800138000 }, issues: ['customer.phone type'] },
  { name: 'an e-mail without @', ...SALE_CUP, changes: { 'customer.email': 'wang.wei' }, issues: ['customer.email email'] },
  { name: 'a country name instead of a code', ...SALE_CUP, changes: { 'customer.country': 'China' }, issues: ['customer.country pattern'], params: { example: 'CN, PH' } },
  { name: 'a country code in lower case', ...SALE_CUP, changes: { 'customer.country': 'cn' }, issues: ['customer.country pattern'], params: { example: 'CN, PH' } },
  { name: 'an IP address out of range', ...SALE_CUP, changes: { 'customer.ip_address': '999.1.1.1' }, issues: ['customer.ip_address pattern'], params: { example: '203.0.113.10' } },
  { name: 'an IPv6 address passes', ...SALE_CUP, changes: { 'customer.ip_address': '2001:db8::1' }, issues: [] },
  { name: 'a blank customer id', ...SALE_CUP, changes: { 'customer.id': ' ' }, issues: ['customer.id required'] },
  { name: 'a missing customer id', ...SALE_CUP, changes: { 'customer.id': undefined }, issues: ['customer.id required'] },
  { name: '";" in the street', ...SALE_CUP, changes: { 'customer.street': 'Renmin;100' }, issues: ['customer.street no-semicolon'] },
  { name: 'a blank city', ...SALE_CUP, changes: { 'customer.city': ' ' }, issues: ['customer.city required'] },
  { name: 'a missing zip', ...SALE_CUP, changes: { 'customer.zip': undefined }, issues: ['customer.zip required'] },
  { name: 'no customer', ...SALE_CUP, changes: { customer: undefined }, issues: ['customer required'] },
  { name: 'no payment', ...SALE_CUP, changes: { payment: undefined }, issues: ['payment required'] },
  { name: 'no return_url', ...SALE_CUP, changes: { return_url: undefined }, issues: ['return_url required'] },
  { name: 'customer as a string', ...SALE_CUP, changes: { customer: 'c1' }, issues: ['customer type'] },
  { name: 'a javascript: success URL', ...SALE_CUP, changes: { 'return_url.success': 'javascript:alert(1)' }, issues: ['return_url.success url'] },
  { name: 'a relative decline URL', ...SALE_CUP, changes: { 'return_url.decline': '/fail' }, issues: ['return_url.decline url'] },
  { name: 'the amount at the minimum passes', ...SALE_CUP, changes: { 'payment.amount': 10000 }, issues: [] },
  { name: 'the amount at the maximum passes', ...SALE_CUP, changes: { 'payment.amount': 10000000 }, issues: [] },
  { name: 'the amount below 100.00 CNY', ...SALE_CUP, changes: { 'payment.amount': 9999 }, issues: ['payment.amount min'], params: { limit: 10000, currency: 'CNY' } },
  { name: 'the amount above 100,000.00 CNY', ...SALE_CUP, changes: { 'payment.amount': 10000001 }, issues: ['payment.amount max'], params: { limit: 10000000, currency: 'CNY' } },
  { name: 'the amount as a string', ...SALE_CUP, changes: { 'payment.amount': '10000' }, issues: ['payment.amount positive-integer'] },
  { name: 'a missing amount', ...SALE_CUP, changes: { 'payment.amount': undefined }, issues: ['payment.amount required'] },
  { name: 'USD', ...SALE_CUP, changes: { 'payment.currency': 'USD' }, issues: ['payment.currency currency'], params: { values: 'CNY', method: CUP_NAME } },
  { name: 'a currency in lower case', ...SALE_CUP, changes: { 'payment.currency': 'cny' }, issues: ['payment.currency currency'] },
  { name: 'no description (required for CUP)', ...SALE_CUP, changes: { 'payment.description': undefined }, issues: ['payment.description required'] },
  { name: 'a blank description', ...SALE_CUP, changes: { 'payment.description': '  ' }, issues: ['payment.description required'] },
  { name: '";" in the description', ...SALE_CUP, changes: { 'payment.description': '订单;1' }, issues: ['payment.description no-semicolon'] },
  { name: 'a description of 256 characters', ...SALE_CUP, changes: { 'payment.description': '订'.repeat(256) }, issues: ['payment.description max-length'], params: { max: 255 } },
  { name: 'a description of 255 characters passes', ...SALE_CUP, changes: { 'payment.description': '订'.repeat(255) }, issues: [] },
  {
    name: 'every broken field at once',
    ...SALE_CUP,
    changes: { 'customer.first_name': 'Wei', 'customer.phone': '+86', 'payment.currency': 'USD', 'return_url.success': 'ftp://x' },
    issues: ['customer.first_name chinese', 'customer.phone digits', 'payment.currency currency', 'return_url.success url'],
  },

  // CUP payout
  { name: 'country other than CN', ...PAYOUT_CUP, changes: { 'customer.country': 'PH' }, issues: ['customer.country only-value'], params: { value: 'CN', method: CUP_NAME } },
  { name: 'country missing', ...PAYOUT_CUP, changes: { 'customer.country': undefined }, issues: ['customer.country required'] },
  { name: 'province in Latin letters', ...PAYOUT_CUP, changes: { 'customer.state': 'Zhejiang' }, issues: ['customer.state chinese'] },
  { name: 'province in digits only', ...PAYOUT_CUP, changes: { 'customer.state': '123' }, issues: ['customer.state chinese'] },
  { name: 'street mixing Latin letters', ...PAYOUT_CUP, changes: { 'customer.street': '人民路 100 号 Room 5' }, issues: ['customer.street chinese'] },
  { name: 'city with ";"', ...PAYOUT_CUP, changes: { 'customer.city': '杭州;市' }, issues: ['customer.city chinese'] },
  { name: 'first name in Latin letters', ...PAYOUT_CUP, changes: { 'customer.first_name': 'Wei' }, issues: ['customer.first_name chinese'] },
  { name: 'phone with "+"', ...PAYOUT_CUP, changes: { 'customer.phone': '+8613800138000' }, issues: ['customer.phone digits'], params: { min: 4, max: 24 } },
  { name: 'no identity document passes', ...PAYOUT_CUP, changes: { 'customer.identify': undefined }, issues: [] },
  { name: 'an identity object without a number passes', ...PAYOUT_CUP, changes: { 'customer.identify': {} }, issues: [] },
  { name: 'a blank identity number', ...PAYOUT_CUP, changes: { 'customer.identify.doc_number': '' }, issues: ['customer.identify.doc_number required'] },
  { name: 'no card', ...PAYOUT_CUP, changes: { card: undefined }, issues: ['card required'] },
  { name: 'no account', ...PAYOUT_CUP, changes: { account: undefined }, issues: ['account required'] },
  { name: 'a card number of 4 digits', ...PAYOUT_CUP, changes: { 'card.pan': '1234' }, issues: ['card.pan digits'], params: { min: 12, max: 30 } },
  { name: 'a card number with dashes', ...PAYOUT_CUP, changes: { 'card.pan': '6217-0037-6013-6456' }, issues: ['card.pan digits'], params: { min: 12, max: 30 } },
  { name: 'an account number of 12 digits in card.pan passes', ...PAYOUT_CUP, changes: { 'card.pan': '622588013700' }, issues: [] },
  { name: 'bank_id as a string (the source’s example)', ...PAYOUT_CUP, changes: { 'account.bank_id': '123' }, issues: ['account.bank_id positive-integer'] },
  { name: 'region_id 0', ...PAYOUT_CUP, changes: { 'account.region_id': 0 }, issues: ['account.region_id positive-integer'] },
  { name: 'region_id a fraction', ...PAYOUT_CUP, changes: { 'account.region_id': 1.5 }, issues: ['account.region_id positive-integer'] },
  { name: 'a blank bank city', ...PAYOUT_CUP, changes: { 'account.city': '' }, issues: ['account.city required'] },
  { name: '";" in the branch', ...PAYOUT_CUP, changes: { 'account.branch': 'HZ;RM' }, issues: ['account.branch no-semicolon'] },
  { name: 'the payout minimum passes', ...PAYOUT_CUP, changes: { 'payment.amount': 10000 }, issues: [] },
  { name: 'the payout maximum passes', ...PAYOUT_CUP, changes: { 'payment.amount': 4999900 }, issues: [] },
  { name: 'a payout below 100.00 CNY', ...PAYOUT_CUP, changes: { 'payment.amount': 9999 }, issues: ['payment.amount min'], params: { limit: 10000, currency: 'CNY' } },
  { name: 'a payout above 49,999.00 CNY', ...PAYOUT_CUP, changes: { 'payment.amount': 4999901 }, issues: ['payment.amount max'], params: { limit: 4999900, currency: 'CNY' } },
  { name: 'a payout in PHP', ...PAYOUT_CUP, changes: { 'payment.currency': 'PHP' }, issues: ['payment.currency currency'], params: { values: 'CNY', method: CUP_NAME } },
  { name: 'a payout without a description', ...PAYOUT_CUP, changes: { 'payment.description': undefined }, issues: ['payment.description required'] },

  // Philippines sale
  { name: 'no e-mail', ...SALE_PH, changes: { 'customer.email': undefined }, issues: ['customer.email required'] },
  { name: 'a broken e-mail', ...SALE_PH, changes: { 'customer.email': 'test_customer' }, issues: ['customer.email email'] },
  { name: 'no names pass (optional)', ...SALE_PH, changes: { 'customer.first_name': undefined, 'customer.last_name': undefined }, issues: [] },
  { name: '";" in a name', ...SALE_PH, changes: { 'customer.first_name': 'Jo;hn' }, issues: ['customer.first_name no-semicolon'] },
  { name: 'a blank last name', ...SALE_PH, changes: { 'customer.last_name': ' ' }, issues: ['customer.last_name required'] },
  { name: 'no IP address', ...SALE_PH, changes: { 'customer.ip_address': undefined }, issues: ['customer.ip_address required'] },
  { name: 'no account', ...SALE_PH, changes: { account: undefined }, issues: ['account required'] },
  { name: 'bank_id 0', ...SALE_PH, changes: { 'account.bank_id': 0 }, issues: ['account.bank_id positive-integer'] },
  { name: 'bank_id as a string', ...SALE_PH, changes: { 'account.bank_id': '2681' }, issues: ['account.bank_id positive-integer'] },
  { name: 'no return_url', ...SALE_PH, changes: { return_url: undefined }, issues: ['return_url required'] },
  { name: 'the minimum passes', ...SALE_PH, changes: { 'payment.amount': 100 }, issues: [] },
  { name: 'the maximum passes', ...SALE_PH, changes: { 'payment.amount': 100000000 }, issues: [] },
  { name: 'below 1.00 PHP', ...SALE_PH, changes: { 'payment.amount': 99 }, issues: ['payment.amount min'], params: { limit: 100, currency: 'PHP' } },
  { name: 'above 1,000,000.00 PHP', ...SALE_PH, changes: { 'payment.amount': 100000001 }, issues: ['payment.amount max'], params: { limit: 100000000, currency: 'PHP' } },
  { name: 'another currency: converted, no PHP limits', ...SALE_PH, changes: { 'payment.currency': 'USD', 'payment.amount': 1 }, issues: [] },
  { name: 'a currency that is not ISO 4217', ...SALE_PH, changes: { 'payment.currency': 'peso' }, issues: ['payment.currency currency'] },
  { name: 'an empty description passes (optional)', ...SALE_PH, changes: { 'payment.description': '' }, issues: [] },
  { name: '";" in the description', ...SALE_PH, changes: { 'payment.description': 'Order;7' }, issues: ['payment.description no-semicolon'] },

  // Philippines payout
  { name: 'an account number of 5 digits', ...PAYOUT_PH, changes: { 'account.number': '12345' }, issues: ['account.number digits'], params: { min: 6, max: 30 } },
  { name: 'an account number with dashes', ...PAYOUT_PH, changes: { 'account.number': '1670-0333' }, issues: ['account.number digits'], params: { min: 6, max: 30 } },
  { name: 'a blank account holder', ...PAYOUT_PH, changes: { 'account.customer_name': ' ' }, issues: ['account.customer_name required'] },
  { name: 'no region', ...PAYOUT_PH, changes: { 'account.region_id': undefined }, issues: ['account.region_id required'] },
  { name: '";" in the branch', ...PAYOUT_PH, changes: { 'account.branch': 'Makati;Avenue' }, issues: ['account.branch no-semicolon'] },
  { name: 'no account', ...PAYOUT_PH, changes: { account: undefined }, issues: ['account required'] },
  { name: 'no IP address', ...PAYOUT_PH, changes: { 'customer.ip_address': undefined }, issues: ['customer.ip_address required'] },
  { name: 'a payout in USD', ...PAYOUT_PH, changes: { 'payment.currency': 'USD' }, issues: ['payment.currency currency'], params: { values: 'PHP', method: PH_NAME } },
  { name: 'the payout minimum passes', ...PAYOUT_PH, changes: { 'payment.amount': 1000 }, issues: [] },
  { name: 'above InstaPay’s 50,000.00 passes (a batch, not a limit)', ...PAYOUT_PH, changes: { 'payment.amount': 5000001 }, issues: [] },
  { name: 'the payout maximum passes', ...PAYOUT_PH, changes: { 'payment.amount': 10000000 }, issues: [] },
  { name: 'a payout below 10.00 PHP', ...PAYOUT_PH, changes: { 'payment.amount': 999 }, issues: ['payment.amount min'], params: { limit: 1000, currency: 'PHP' } },
  { name: 'a payout above 100,000.00 PHP', ...PAYOUT_PH, changes: { 'payment.amount': 10000001 }, issues: ['payment.amount max'], params: { limit: 10000000, currency: 'PHP' } },
  { name: 'a payout without a description', ...PAYOUT_PH, changes: { 'payment.description': undefined }, issues: ['payment.description required'] },
];

for (const c of rules) {
  test(`${c.method} ${c.operation}: ${c.name}`, () => {
    const checked = checkGate(gateBodySchema(c.method, c.operation), patched(VALID[c.method][c.operation], c.changes));
    const issues = checked.ok ? [] : checked.issues;
    assert.deepEqual(summary(issues).sort(), [...c.issues].sort());
    if (c.issues.length > 0) {
      const field = c.issues[0]!.split(' ')[0];
      assert.deepEqual(issues.find((i) => i.field === field)!.params, c.params);
    }
    assertMessagesNameFields(issues);
  });
}

// ── general, and the other requests ────────────────────────────────────────

const generals: [name: string, general: unknown, issues: string[]][] = [
  ['no general', undefined, ['general required']],
  ['project_id 0', { project_id: 0, payment_id: 'p' }, ['general.project_id positive-integer']],
  ['project_id as a string', { project_id: '580', payment_id: 'p' }, ['general.project_id positive-integer']],
  ['a blank payment_id', { project_id: 580, payment_id: ' ' }, ['general.payment_id required']],
  ['";" in payment_id', { project_id: 580, payment_id: 'p;1' }, ['general.payment_id no-semicolon']],
  ['a numeric signature', { project_id: 580, payment_id: 'p', signature: 5 }, ['general.signature type']],
  ['no signature passes (checked elsewhere)', { project_id: 580, payment_id: 'p' }, []],
];

for (const [name, general, issues] of generals) {
  test(`gateRequestSchema: ${name}`, () => {
    const request = general === undefined ? VALID['cup-bank'].sale : { general, ...VALID['cup-bank'].sale };
    const checked = checkGate(gateRequestSchema('cup-bank', 'sale'), request);
    assert.deepEqual(summary(checked.ok ? [] : checked.issues), issues);
  });
}

test('checkGate: not an object at all is named "request"', () => {
  const checked = checkGate(gateBodySchema('cup-bank', 'sale'), null);
  assert.deepEqual(summary(checked.ok ? [] : checked.issues), ['request required']);
  const text = checkGate(gateBodySchema('cup-bank', 'sale'), 'x');
  assert.deepEqual(summary(text.ok ? [] : text.issues), ['request type']);
});

test('bankListRequestSchema: general and payment (amount, currency)', () => {
  const valid = { general: { project_id: 580, payment_id: 'random-1', signature: 'x' }, payment: { amount: 1000, currency: 'PHP' } };
  assert.deepEqual(checkGate(bankListRequestSchema(), valid), { ok: true, value: valid });
  const checked = checkGate(bankListRequestSchema(), { general: { project_id: 580, payment_id: 'r' }, payment: { amount: 0, currency: 'php' } });
  assert.deepEqual(summary(checked.ok ? [] : checked.issues).sort(), ['payment.amount positive-integer', 'payment.currency currency']);
});

test('statusRequestSchema: general only', () => {
  assert.equal(checkGate(statusRequestSchema(), { general: { project_id: 580, payment_id: 'p' } }).ok, true);
  const checked = checkGate(statusRequestSchema(), {});
  assert.deepEqual(summary(checked.ok ? [] : checked.issues), ['general required']);
});

test('gatePath, bankListPath and routeOfGatePath: the documented paths, both ways', () => {
  const table: [MethodCode, GateOperation, string, string | null][] = [
    ['cup-bank', 'sale', '/v2/payment/cup/bank/sale', null],
    ['cup-bank', 'payout', '/v2/payment/chinaunionpay/payout', '/v2/info/banks/chinaunionpay/payout/list'],
    ['online-philippines-banks', 'sale', '/v2/payment/banks/philippines/sale', '/v2/info/banks/philippines/sale/list'],
    ['online-philippines-banks', 'payout', '/v2/payment/banks/philippines/payout', '/v2/info/banks/philippines/payout/list'],
  ];
  for (const [method, operation, path, list] of table) {
    assert.equal(gatePath(method, operation), path);
    assert.equal(bankListPath(method, operation), list);
    assert.deepEqual(routeOfGatePath(path), { kind: 'payment', method, operation });
    if (list) assert.deepEqual(routeOfGatePath(list), { kind: 'bank-list', method, operation });
  }
  assert.equal(routeOfGatePath('/v2/payment/status'), null);
  assert.equal(routeOfGatePath('/v2/payment/cup/bank/sale/'), null);
});

test(
  'gateIssues on a plain z.safeParse error: bank_id "123" is positive-integer, not required',
  () => {
    const body = patched(VALID['cup-bank'].payout, { 'account.bank_id': '123' });
    const parsed = z.safeParse(gateBodySchema('cup-bank', 'payout'), body);
    assert.equal(parsed.success, false);
    if (!parsed.success) assert.deepEqual(summary(gateIssues(parsed.error)), ['account.bank_id positive-integer']);
  },
);
