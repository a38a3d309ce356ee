/**
 * `core/payout.ts`: payout form values → the Gate payout body without `general`, and every rule
 * it must meet (the form's own first, then `gateBodySchema(method, 'payout')`). The rule parts of
 * `<ecommpay-payout-form>`'s browser suite, without the DOM. SPEC §2, §5: payouts CUP
 * 10000–4999900 CNY, Philippines 1000–10000000 PHP.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IssueParams } from '../../../src/core/errors.ts';
import { checkGate, gateBodySchema, type GateBody } from '../../../src/core/gate.ts';
import type { MethodCode } from '../../../src/core/methods/index.ts';
import { SERVER_FIELDS, buildPayoutRequest, checkPayout, luhn, parseMajorAmount, payoutFields, type PayoutOptions } from '../../../src/core/payout.ts';
import { CUP_REQUEST, CUP_VALUES, PH_REQUEST, PH_VALUES } from '../../fixtures/payout.ts';
import { assertMessagesNameFields, summary } from './helpers.ts';

const CUP_OPTIONS: PayoutOptions = { amount: 100000, currency: 'CNY', description: 'Payout' };
const PH_OPTIONS: PayoutOptions = { amount: 150050, currency: 'PHP', description: 'Seller withdrawal' };

/** What the merchant's backend adds before sending to Gate (`customer` itself when the form sends none). */
const withServerFields = (request: GateBody) => ({
  ...request,
  customer: { ...request.customer, id: 'c-1', ip_address: '203.0.113.10' },
});

// ── the fields ─────────────────────────────────────────────────────────────

test('payoutFields: each method’s fields in the order the form shows them', () => {
  assert.deepEqual(
    payoutFields('cup-bank').map((f) => `${f.name}:${f.kind}${f.chinese ? ':zh' : ''}${f.optional ? '?' : ''}`),
    [
      'customer.last_name:text:zh',
      'customer.first_name:text:zh',
      'customer.identify.doc_number:text?',
      'customer.phone:tel',
      'customer.email:email',
      'customer.state:text:zh',
      'customer.city:text:zh',
      'customer.street:text:zh',
      'customer.zip:digits',
      'card.pan:pan',
      'account.bank_id:bank',
      'account.region_id:region',
      'account.city:text',
      'account.branch:text',
    ],
  );
  assert.deepEqual(
    payoutFields('online-philippines-banks').map((f) => `${f.name}:${f.kind}`),
    ['account.customer_name:text', 'account.number:digits', 'account.bank_id:bank', 'account.region_id:region', 'account.city:text', 'account.branch:text'],
  );
  assert.deepEqual(SERVER_FIELDS, ['customer.id', 'customer.ip_address']);
});

// ── buildPayoutRequest ─────────────────────────────────────────────────────

test('buildPayoutRequest CUP: the Gate body without general, country CN, bank_id/region_id as numbers, Gate’s key order', () => {
  const request = buildPayoutRequest('cup-bank', CUP_VALUES, CUP_OPTIONS);
  assert.deepEqual(request, CUP_REQUEST);
  assert.deepEqual(Object.keys(request), ['customer', 'payment', 'account', 'card']);
  assert.deepEqual(checkGate(gateBodySchema('cup-bank', 'payout'), withServerFields(request)).ok, true);
});

test('buildPayoutRequest Philippines: no card, no customer (left to the backend), Gate’s key order', () => {
  const request = buildPayoutRequest('online-philippines-banks', PH_VALUES, PH_OPTIONS);
  assert.deepEqual(request, PH_REQUEST);
  assert.deepEqual(Object.keys(request), ['payment', 'account']);
  assert.deepEqual(checkGate(gateBodySchema('online-philippines-banks', 'payout'), withServerFields(request)).ok, true);
});

const builds: [name: string, method: MethodCode, values: Record<string, string>, options: PayoutOptions, check: (request: Record<string, unknown>) => void][] = [
  [
    'an empty optional field is left out (no customer.identify)',
    'cup-bank',
    { ...CUP_VALUES, 'customer.identify.doc_number': '  ' },
    CUP_OPTIONS,
    (r) => assert.equal('identify' in (r.customer as object), false),
  ],
  [
    'values are trimmed; numeric ids become numbers',
    'cup-bank',
    { ...CUP_VALUES, 'account.bank_id': ' 6 ', 'customer.zip': ' 310000 ' },
    CUP_OPTIONS,
    (r) => {
      assert.deepEqual(r.account, { bank_id: 6, region_id: 10, city: '杭州', branch: 'HZRM' });
      assert.equal((r.customer as Record<string, unknown>).zip, '310000');
    },
  ],
  [
    'a bank_id that is not digits stays text (for the schema to refuse)',
    'cup-bank',
    { ...CUP_VALUES, 'account.bank_id': 'BDO' },
    CUP_OPTIONS,
    (r) => assert.equal((r.account as Record<string, unknown>).bank_id, 'BDO'),
  ],
  [
    'no amount, a blank description: left out of payment; the description trimmed otherwise',
    'cup-bank',
    CUP_VALUES,
    { amount: null, currency: 'CNY', description: '  ' },
    (r) => assert.deepEqual(r.payment, { currency: 'CNY' }),
  ],
  ['the description trimmed', 'online-philippines-banks', PH_VALUES, { ...PH_OPTIONS, description: ' Payout ' }, (r) => assert.deepEqual(r.payment, { currency: 'PHP', amount: 150050, description: 'Payout' })],
  [
    'empty required fields: their objects still there, empty (the schema names what is missing); no customer',
    'online-philippines-banks',
    {},
    { amount: 5, currency: 'PHP', description: '' },
    (r) => assert.deepEqual(r, { payment: { currency: 'PHP', amount: 5 }, account: {} }),
  ],
  [
    'CUP with nothing filled in: country CN is still fixed',
    'cup-bank',
    {},
    { amount: null, currency: 'CNY', description: '' },
    (r) => assert.deepEqual(r, { customer: { country: 'CN' }, payment: { currency: 'CNY' }, account: {}, card: {} }),
  ],
  [
    'values of fields the form does not have are ignored',
    'online-philippines-banks',
    { ...PH_VALUES, 'customer.id': 'forged', 'card.pan': '4111111111111111' },
    PH_OPTIONS,
    (r) => assert.deepEqual(r, PH_REQUEST),
  ],
];

for (const [name, method, values, options, check] of builds) {
  test(`buildPayoutRequest: ${name}`, () => {
    check(buildPayoutRequest(method, values, options) as Record<string, unknown>);
  });
}

/**
 * `customer` is there only when the form has customer fields (CUP); the Philippine form has none,
 * so its request has no `customer` key at all (never `customer: {}`): `customer.id` and
 * `customer.ip_address` are the backend's (SERVER_FIELDS). `undefined`: no `customer` key.
 */
const customers: [name: string, method: MethodCode, values: Record<string, string>, options: PayoutOptions, customer: Record<string, unknown> | undefined][] = [
  ['Philippines, every field: no customer key', 'online-philippines-banks', PH_VALUES, PH_OPTIONS, undefined],
  ['Philippines, nothing filled in: no customer key', 'online-philippines-banks', {}, { amount: null, currency: 'PHP', description: '' }, undefined],
  [
    'Philippines, customer values the form has no field for: still no customer key',
    'online-philippines-banks',
    { ...PH_VALUES, 'customer.id': 'forged', 'customer.ip_address': '198.51.100.7', 'customer.email': 'x@example.ph' },
    PH_OPTIONS,
    undefined,
  ],
  ['CUP, every field: its customer fields, country CN', 'cup-bank', CUP_VALUES, CUP_OPTIONS, CUP_REQUEST.customer],
  ['CUP, nothing filled in: customer with country CN only', 'cup-bank', {}, { amount: null, currency: 'CNY', description: '' }, { country: 'CN' }],
  [
    'CUP, server fields typed in: ignored, the form’s customer fields kept',
    'cup-bank',
    { ...CUP_VALUES, 'customer.id': 'forged', 'customer.ip_address': '198.51.100.7' },
    CUP_OPTIONS,
    CUP_REQUEST.customer,
  ],
];

for (const [name, method, values, options, customer] of customers) {
  test(`buildPayoutRequest, checkPayout: customer — ${name}`, () => {
    for (const request of [buildPayoutRequest(method, values, options), checkPayout(method, values, options).request]) {
      if (customer === undefined) assert.equal(Object.hasOwn(request, 'customer'), false, JSON.stringify(request));
      else assert.deepEqual(request.customer, customer);
      assert.equal(JSON.stringify(request).includes('"customer":{}'), false, 'never an empty customer object');
    }
  });
}

// ── checkPayout ────────────────────────────────────────────────────────────

interface Rule {
  name: string;
  method: MethodCode;
  values: Record<string, string>;
  options: PayoutOptions;
  /** Every issue, in order (the form's rules first), as `field rule`. */
  issues: string[];
  /** The first issue's message and params. */
  message: string;
  params?: IssueParams;
}

const cup = (changes: Record<string, string>, options: Partial<PayoutOptions> = {}) => ({
  method: 'cup-bank' as const,
  values: { ...CUP_VALUES, ...changes },
  options: { ...CUP_OPTIONS, ...options },
});
const ph = (changes: Record<string, string>, options: Partial<PayoutOptions> = {}) => ({
  method: 'online-philippines-banks' as const,
  values: { ...PH_VALUES, ...changes },
  options: { ...PH_OPTIONS, ...options },
});

const payoutRules: Rule[] = [
  // CUP, one failing field each (the browser suite's table).
  { name: 'last name in Latin letters', ...cup({ 'customer.last_name': 'Wang' }), issues: ['customer.last_name chinese'], message: 'customer.last_name must be written in Chinese characters' },
  { name: 'first name in Latin letters', ...cup({ 'customer.first_name': 'Wei' }), issues: ['customer.first_name chinese'], message: 'customer.first_name must be written in Chinese characters' },
  { name: 'province in Latin letters', ...cup({ 'customer.state': 'Zhejiang' }), issues: ['customer.state chinese'], message: 'customer.state must be written in Chinese characters' },
  { name: 'city in Latin letters', ...cup({ 'customer.city': 'Hangzhou' }), issues: ['customer.city chinese'], message: 'customer.city must be written in Chinese characters' },
  { name: 'street in Latin letters', ...cup({ 'customer.street': 'Renmin Road 100' }), issues: ['customer.street chinese'], message: 'customer.street must be written in Chinese characters' },
  { name: 'phone with "+"', ...cup({ 'customer.phone': '+8613800138000' }), issues: ['customer.phone digits'], message: 'customer.phone must be 4–24 digits', params: { min: 4, max: 24 } },
  { name: 'e-mail without @', ...cup({ 'customer.email': 'wang.wei' }), issues: ['customer.email email'], message: 'customer.email must be an e-mail address' },
  { name: 'no postcode', ...cup({ 'customer.zip': '' }), issues: ['customer.zip required'], message: 'customer.zip is required' },
  { name: 'a card number of 12 digits', ...cup({ 'card.pan': '621700376013' }), issues: ['card.pan digits'], message: 'card.pan must be 16–19 digits', params: { min: 16, max: 19 } },
  { name: 'a card number of 20 digits', ...cup({ 'card.pan': '62170037601364565300' }), issues: ['card.pan digits'], message: 'card.pan must be 16–19 digits', params: { min: 16, max: 19 } },
  { name: 'a card number with spaces', ...cup({ 'card.pan': '6217 0037 6013 6456 530' }), issues: ['card.pan digits'], message: 'card.pan must be 16–19 digits', params: { min: 16, max: 19 } },
  { name: 'a card number failing Luhn', ...cup({ 'card.pan': '6217003760136456531' }), issues: ['card.pan luhn'], message: 'card.pan is not a valid card number (checksum)' },
  { name: 'no bank', ...cup({ 'account.bank_id': '' }), issues: ['account.bank_id required'], message: 'account.bank_id is required' },
  { name: 'no region', ...cup({ 'account.region_id': '' }), issues: ['account.region_id required'], message: 'account.region_id is required' },
  { name: 'a blank bank city', ...cup({ 'account.city': ' ' }), issues: ['account.city required'], message: 'account.city is required' },
  { name: 'no branch', ...cup({ 'account.branch': '' }), issues: ['account.branch required'], message: 'account.branch is required' },
  { name: 'a bank that is not a number', ...cup({ 'account.bank_id': 'BDO' }), issues: ['account.bank_id positive-integer'], message: 'account.bank_id must be a positive whole number' },
  { name: 'bank 0', ...cup({ 'account.bank_id': '0' }), issues: ['account.bank_id positive-integer'], message: 'account.bank_id must be a positive whole number' },
  { name: '";" in the branch', ...cup({ 'account.branch': 'HZ;RM' }), issues: ['account.branch no-semicolon'], message: 'account.branch must not contain ";" (it would make the signature ambiguous)' },
  { name: 'an account number (pan type account) with dashes', ...cup({ 'card.pan': '6225-8801-3700' }, { panType: 'account' }), issues: ['card.pan digits'], message: 'card.pan must be 12–30 digits', params: { min: 12, max: 30 } },
  { name: 'an account number (pan type account) of 11 digits', ...cup({ 'card.pan': '62258801370' }, { panType: 'account' }), issues: ['card.pan digits'], message: 'card.pan must be 12–30 digits', params: { min: 12, max: 30 } },
  { name: 'no account number (pan type account)', ...cup({ 'card.pan': '' }, { panType: 'account' }), issues: ['card.pan required'], message: 'card.pan is required' },
  { name: 'below 100.00 CNY', ...cup({}, { amount: 9999 }), issues: ['payment.amount min'], message: 'payment.amount must be at least 10000 (CN¥100.00)', params: { limit: 10000, currency: 'CNY' } },
  { name: 'above 49,999.00 CNY', ...cup({}, { amount: 4999901 }), issues: ['payment.amount max'], message: 'payment.amount must be at most 4999900 (CN¥49,999.00)', params: { limit: 4999900, currency: 'CNY' } },
  { name: 'no amount', ...cup({}, { amount: null }), issues: ['payment.amount required'], message: 'payment.amount is required' },
  { name: 'a fractional amount', ...cup({}, { amount: 100000.5 }), issues: ['payment.amount positive-integer'], message: 'payment.amount must be a positive whole number' },
  { name: 'a payout in USD (no CNY limits applied to it)', ...cup({}, { currency: 'USD', amount: 1 }), issues: ['payment.currency currency'], message: 'payment.currency must be CNY for CUP Banks (China UnionPay)', params: { values: 'CNY', method: 'CUP Banks (China UnionPay)' } },
  { name: 'a blank description', ...cup({}, { description: '  ' }), issues: ['payment.description required'], message: 'payment.description is required' },
  { name: '";" in the description', ...cup({}, { description: 'Pay;out' }), issues: ['payment.description no-semicolon'], message: 'payment.description must not contain ";" (it would make the signature ambiguous)' },
  {
    name: 'several fields: the form’s rules first, then the schema’s, one issue per field',
    ...cup({ 'customer.last_name': 'Wang', 'customer.phone': '+86 138', 'customer.zip': '', 'card.pan': '1234' }),
    issues: ['customer.zip required', 'card.pan digits', 'customer.phone digits', 'customer.last_name chinese'],
    message: 'customer.zip is required',
  },

  // Philippines (the browser suite's table, except the bank list's not-in-list, an element rule).
  { name: 'no account holder', ...ph({ 'account.customer_name': '' }), issues: ['account.customer_name required'], message: 'account.customer_name is required' },
  { name: 'an account number with dashes', ...ph({ 'account.number': '1670-0333' }), issues: ['account.number digits'], message: 'account.number must be 6–30 digits', params: { min: 6, max: 30 } },
  { name: 'an account number of 5 digits', ...ph({ 'account.number': '12345' }), issues: ['account.number digits'], message: 'account.number must be 6–30 digits', params: { min: 6, max: 30 } },
  { name: 'no bank', ...ph({ 'account.bank_id': '' }), issues: ['account.bank_id required'], message: 'account.bank_id is required' },
  { name: 'no region', ...ph({ 'account.region_id': '' }), issues: ['account.region_id required'], message: 'account.region_id is required' },
  { name: 'no bank city', ...ph({ 'account.city': '' }), issues: ['account.city required'], message: 'account.city is required' },
  { name: 'no branch', ...ph({ 'account.branch': '' }), issues: ['account.branch required'], message: 'account.branch is required' },
  { name: '";" in the bank city', ...ph({ 'account.city': 'Ma;nila' }), issues: ['account.city no-semicolon'], message: 'account.city must not contain ";" (it would make the signature ambiguous)' },
  { name: 'below 10.00 PHP', ...ph({}, { amount: 999 }), issues: ['payment.amount min'], message: 'payment.amount must be at least 1000 (₱10.00)', params: { limit: 1000, currency: 'PHP' } },
  { name: 'above 100,000.00 PHP', ...ph({}, { amount: 10000001 }), issues: ['payment.amount max'], message: 'payment.amount must be at most 10000000 (₱100,000.00)', params: { limit: 10000000, currency: 'PHP' } },
  { name: 'a payout in USD', ...ph({}, { currency: 'USD' }), issues: ['payment.currency currency'], message: 'payment.currency must be PHP for Banks of the Philippines', params: { values: 'PHP', method: 'Banks of the Philippines' } },
  { name: 'no description', ...ph({}, { description: '' }), issues: ['payment.description required'], message: 'payment.description is required' },
];

for (const c of payoutRules) {
  test(`checkPayout ${c.method}: ${c.name}`, () => {
    const checked = checkPayout(c.method, c.values, c.options);
    assert.equal(checked.ok, false);
    if (checked.ok) return;
    assert.deepEqual(summary(checked.issues), c.issues);
    assert.equal(checked.issues[0]!.message, c.message);
    assert.deepEqual(checked.issues[0]!.params, c.params);
    assert.deepEqual(checked.request, buildPayoutRequest(c.method, c.values, c.options), 'the request is returned even when invalid');
    assertMessagesNameFields(checked.issues);
  });
}

const passes: [name: string, method: MethodCode, values: Record<string, string>, options: PayoutOptions][] = [
  ['CUP, every field', 'cup-bank', CUP_VALUES, CUP_OPTIONS],
  ['CUP without an identity document', 'cup-bank', { ...CUP_VALUES, 'customer.identify.doc_number': '' }, CUP_OPTIONS],
  ['CUP at the payout minimum', 'cup-bank', CUP_VALUES, { ...CUP_OPTIONS, amount: 10000 }],
  ['CUP at the payout maximum', 'cup-bank', CUP_VALUES, { ...CUP_OPTIONS, amount: 4999900 }],
  ['CUP: a card number of 16 digits passing Luhn', 'cup-bank', { ...CUP_VALUES, 'card.pan': '4111111111111111' }, CUP_OPTIONS],
  ['CUP: Luhn is not checked for an account number', 'cup-bank', { ...CUP_VALUES, 'card.pan': '6217003760136456531' }, { ...CUP_OPTIONS, panType: 'account' }],
  ['CUP: an account number of 12 digits', 'cup-bank', { ...CUP_VALUES, 'card.pan': '622588013700' }, { ...CUP_OPTIONS, panType: 'account' }],
  ['Philippines, every field', 'online-philippines-banks', PH_VALUES, PH_OPTIONS],
  ['Philippines at the payout minimum', 'online-philippines-banks', PH_VALUES, { ...PH_OPTIONS, amount: 1000 }],
  ['Philippines at the payout maximum', 'online-philippines-banks', PH_VALUES, { ...PH_OPTIONS, amount: 10000000 }],
  ['Philippines above InstaPay’s 50,000.00 (a hint, not a limit)', 'online-philippines-banks', PH_VALUES, { ...PH_OPTIONS, amount: 7500000 }],
  ['Philippines: panType means nothing without a card field', 'online-philippines-banks', PH_VALUES, { ...PH_OPTIONS, panType: 'card' }],
];

for (const [name, method, values, options] of passes) {
  test(`checkPayout passes: ${name}`, () => {
    assert.deepEqual(checkPayout(method, values, options), { ok: true, request: buildPayoutRequest(method, values, options) });
  });
}

test('checkPayout: nothing filled in names every form field, never the server’s fields (customer.id, customer.ip_address)', () => {
  const cupCheck = checkPayout('cup-bank', {}, { amount: null, currency: 'CNY', description: '' });
  assert.equal(cupCheck.ok, false);
  if (cupCheck.ok) return;
  assert.deepEqual(summary(cupCheck.issues), [
    'customer.last_name required',
    'customer.first_name required',
    'customer.phone required',
    'customer.email required',
    'customer.state required',
    'customer.city required',
    'customer.street required',
    'customer.zip required',
    'card.pan required',
    'account.bank_id required',
    'account.region_id required',
    'account.city required',
    'account.branch required',
    'payment.amount required',
    'payment.description required',
  ]);

  const phCheck = checkPayout('online-philippines-banks', {}, { amount: null, currency: 'PHP', description: '' });
  assert.equal(phCheck.ok, false);
  if (phCheck.ok) return;
  assert.deepEqual(summary(phCheck.issues), [
    'account.customer_name required',
    'account.number required',
    'account.bank_id required',
    'account.region_id required',
    'account.city required',
    'account.branch required',
    'payment.amount required',
    'payment.description required',
  ]);
  for (const i of [...cupCheck.issues, ...phCheck.issues]) assert.equal(SERVER_FIELDS.includes(i.field), false, i.field);
});

// ── luhn, parseMajorAmount ─────────────────────────────────────────────────

const luhns: [string, boolean][] = [
  ['4111111111111111', true],
  ['4111111111111112', false],
  ['6217003760136456530', true],
  ['6217003760136456531', false],
  ['79927398713', true],
  ['79927398710', false],
  ['0', true],
  ['', false],
  ['4111 1111 1111 1111', false],
  ['4111-1111-1111-1111', false],
  ['abc', false],
];

test('luhn', () => {
  for (const [digits, valid] of luhns) assert.equal(luhn(digits), valid, digits);
});

const amounts: [text: string, currency: string, minor: number | null][] = [
  ['1,500.50', 'PHP', 150050],
  ['1500.5', 'PHP', 150050],
  ['100', 'CNY', 10000],
  ['100.', 'CNY', 10000],
  ['0.01', 'CNY', 1],
  ['49,999.00', 'CNY', 4999900],
  ['1 000', 'PHP', 100000],
  ['1\u00a0000.00', 'PHP', 100000],
  [' 75000 ', 'PHP', 7500000],
  ['100.505', 'CNY', null],
  ['.5', 'CNY', null],
  ['-1', 'PHP', null],
  ['1e3', 'PHP', null],
  ['ten', 'PHP', null],
  ['', 'PHP', null],
  ['1.2.3', 'PHP', null],
  ['99999999999999999999', 'PHP', null],
  ['1000', 'JPY', 1000],
  ['1000.5', 'JPY', null],
  ['0.001', 'KWD', 1],
];

test('parseMajorAmount: major units as typed → minor units, or null', () => {
  for (const [text, currency, minor] of amounts) assert.equal(parseMajorAmount(text, currency), minor, `${JSON.stringify(text)} ${currency}`);
});
