/**
 * `core/launch.ts`: a checkout's configuration → its Payment Page parameters, or every broken rule
 * naming the attribute. The rule table of `<ecommpay-checkout>` (formerly booted in the browser),
 * the element's own settings, the memoisation, and the rules over signed/finished parameters.
 * SPEC §2, §3, §9: CUP 10000–10000000 CNY only, language_code zh, description required;
 * Philippines 100–100000000 PHP (no limits in other currencies), bank display options.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IssueParams } from '../../../src/core/errors.ts';
import {
  DEFAULT_SIGN_TIMEOUT,
  attributeOf,
  bankDisplayOptions,
  memoiseCheckout,
  paramIssues,
  parseCheckoutConfig,
  signedParamIssues,
  type CheckoutConfig,
  type CheckoutInput,
  type LaunchParams,
} from '../../../src/core/launch.ts';
import { effectiveLimits, methodRules, type AmountRange } from '../../../src/core/methods/index.ts';
import { DEFAULT_PAYMENT_PAGE_URL, launchUrl, paymentPageBase, wireValue } from '../../../src/core/payment-page.ts';
import { CUP_CHECKOUT as CUP, CUP_PARAMS, PH_CHECKOUT as PH, PH_PARAMS } from '../../fixtures/checkout.ts';
import { assertMessagesNameFields, issuesOf, summary } from './helpers.ts';

const CUP_RULES = methodRules('cup-bank');
const PH_RULES = methodRules('online-philippines-banks');
const CUP_NAME = 'CUP Banks (China UnionPay)';
const PH_NAME = 'Banks of the Philippines';

const { customer_email: _email, ...PH_WITHOUT_EMAIL } = PH_PARAMS;

const cup = (over: CheckoutInput): CheckoutInput => ({ ...CUP, ...over });

/** `best_before` `days` from now, in Manila's time (`+08:00`), whole seconds. */
const inDays = (days: number, now = Date.now()) =>
  new Date(now + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 19) + '+08:00';
const ph = (over: CheckoutInput): CheckoutInput => ({ ...PH, ...over });

/** The config of a valid input (fails the test otherwise). */
function configOf(input: CheckoutInput): CheckoutConfig {
  const parsed = parseCheckoutConfig(input);
  if (!parsed.ok) assert.fail(`refused: ${JSON.stringify(parsed.issues)}`);
  return parsed.value;
}

// ── refused configurations ─────────────────────────────────────────────────

interface Refusal {
  name: string;
  input: CheckoutInput;
  /** Every issue, in order, as `field rule`. */
  issues: string[];
  /** The first issue's message. */
  message: RegExp;
  /** The first issue's params are checked by `message` alone (a length that depends on the URL). */
  paramsInMessage?: true;
  /** The first issue's params, exactly (omitted: it has none). */
  params?: IssueParams;
}

const URL_RULE = { schemes: 'https: (http: only for localhost)' };
const URL_MESSAGE = /^payment-page-url must be an absolute https: \(http: only for localhost\) URL$/;

const refusals: Refusal[] = [
  // The browser suite's table (test/browser/checkout/validation.test.ts), rule by rule.
  { name: 'method is required', input: cup({ method: null }), issues: ['method required'], message: /^method is required$/ },
  {
    name: 'method is a known code',
    input: cup({ method: 'card' }),
    issues: ['method one-of'],
    message: /^method must be one of: cup-bank, online-philippines-banks$/,
    params: { values: 'cup-bank, online-philippines-banks' },
  },
  { name: 'project-id is required', input: cup({ 'project-id': null }), issues: ['project-id required'], message: /^project-id is required$/ },
  { name: 'project-id is a positive integer', input: cup({ 'project-id': '0' }), issues: ['project-id positive-integer'], message: /^project-id must be a positive whole number$/ },
  { name: 'payment-id is required (blank counts as missing)', input: cup({ 'payment-id': ' ' }), issues: ['payment-id required'], message: /^payment-id is required$/ },
  { name: 'amount is required', input: cup({ amount: null }), issues: ['amount required'], message: /^amount is required$/ },
  { name: 'amount is an integer in minor units', input: cup({ amount: '100.50' }), issues: ['amount integer'], message: /^amount must be a whole number \(minor units, e\.g\. 1000 = 10\.00\)$/ },
  { name: 'CUP minimum 100.00 CNY', input: cup({ amount: '9999' }), issues: ['amount min'], message: /^amount must be at least 10000 \(CN¥100\.00\)$/, params: { limit: 10000, currency: 'CNY' } },
  { name: 'CUP maximum 100,000.00 CNY', input: cup({ amount: '10000001' }), issues: ['amount max'], message: /^amount must be at most 10000000 \(CN¥100,000\.00\)$/, params: { limit: 10000000, currency: 'CNY' } },
  { name: 'Philippine minimum 1.00 PHP', input: ph({ amount: '99' }), issues: ['amount min'], message: /^amount must be at least 100 \(₱1\.00\)$/, params: { limit: 100, currency: 'PHP' } },
  { name: 'Philippine maximum 1,000,000.00 PHP', input: ph({ amount: '100000001' }), issues: ['amount max'], message: /^amount must be at most 100000000 \(₱1,000,000\.00\)$/, params: { limit: 100000000, currency: 'PHP' } },
  { name: 'max-amount overrides the maximum', input: cup({ amount: '20000', 'max-amount': '15000' }), issues: ['amount max'], message: /^amount must be at most 15000 \(CN¥150\.00\)$/, params: { limit: 15000, currency: 'CNY' } },
  { name: 'min-amount overrides the minimum', input: ph({ amount: '5000', 'min-amount': '10000' }), issues: ['amount min'], message: /^amount must be at least 10000 \(₱100\.00\)$/, params: { limit: 10000, currency: 'PHP' } },
  { name: 'min-amount is an integer', input: cup({ 'min-amount': '1.5' }), issues: ['min-amount integer'], message: /^min-amount must be a whole number/ },
  {
    name: 'min-amount ≤ max-amount (the amount is then below the minimum too)',
    input: cup({ 'min-amount': '30000', 'max-amount': '20000' }),
    issues: ['min-amount max', 'amount min'],
    message: /^min-amount must be at most max-amount \(20000\)$/,
    params: { limit: 'max-amount (20000)' },
  },
  { name: 'CUP is CNY only', input: cup({ currency: 'USD' }), issues: ['currency currency'], message: /^currency must be CNY for CUP Banks \(China UnionPay\)$/, params: { values: 'CNY', method: CUP_NAME } },
  { name: 'currency is ISO 4217 alpha-3', input: ph({ currency: 'peso' }), issues: ['currency currency'], message: /^currency must be an ISO 4217 code such as CNY or PHP$/ },
  { name: 'customer-id is required', input: cup({ 'customer-id': null }), issues: ['customer-id required'], message: /^customer-id is required$/ },
  { name: 'CUP requires a description', input: cup({ description: null }), issues: ['description required'], message: /^description is required$/ },
  { name: 'CUP: a blank description is missing', input: cup({ description: '   ' }), issues: ['description required'], message: /^description is required$/ },
  { name: 'description at most 255 characters', input: ph({ description: 'x'.repeat(256) }), issues: ['description max-length'], message: /^description must be at most 255 characters$/, params: { max: 255 } },
  { name: 'description: 256 characters outside the BMP are still 256', input: ph({ description: '😀'.repeat(256) }), issues: ['description max-length'], message: /^description must be at most 255/, params: { max: 255 } },
  { name: 'language is a two-letter code', input: ph({ language: 'english' }), issues: ['language pattern'], message: /^language must look like zh, en$/, params: { example: 'zh, en' } },
  { name: 'customer-email is an e-mail address', input: ph({ 'customer-email': 'buyer.example.com' }), issues: ['customer-email email'], message: /^customer-email must be an e-mail address$/ },
  { name: 'split-banks is for the Philippines only', input: cup({ 'split-banks': true }), issues: ['split-banks only-for-method'], message: /^split-banks applies to Banks of the Philippines only$/, params: { method: PH_NAME } },
  { name: 'banks-id is for the Philippines only', input: cup({ 'banks-id': '2371' }), issues: ['banks-id only-for-method'], message: /^banks-id applies to Banks of the Philippines only$/, params: { method: PH_NAME } },
  { name: 'banks-id is a list of integers', input: ph({ 'banks-id': '2421, BDO' }), issues: ['banks-id integer-list'], message: /^banks-id must be a comma-separated list of whole numbers$/ },
  { name: '";" is rejected in any value', input: ph({ 'payment-id': 'order;1' }), issues: ['payment-id no-semicolon'], message: /^payment-id must not contain ";"/ },
  {
    name: '";" is rejected in extraParams too',
    input: ph({ extraParams: { merchant_success_url: 'https://shop.example/ok;x' } }),
    issues: ['extraParams.merchant_success_url no-semicolon'],
    message: /^extraParams\.merchant_success_url must not contain ";"/,
  },
  {
    name: 'extraParams cannot set what attributes set',
    input: ph({ extraParams: { payment_amount: 1 } }),
    issues: ['extraParams.payment_amount reserved'],
    message: /^extraParams\.payment_amount is set through the amount attribute, not extraParams$/,
    params: { attribute: 'amount' },
  },
  { name: 'extraParams values are scalars', input: ph({ extraParams: { nested: { a: 1 } } }), issues: ['extraParams.nested scalar'], message: /^extraParams\.nested must be a string, a number or a boolean$/ },
  { name: 'customer_phone is 4–24 digits', input: ph({ extraParams: { customer_phone: '+639171234567' } }), issues: ['extraParams.customer_phone digits'], message: /^extraParams\.customer_phone must be 4–24 digits$/, params: { min: 4, max: 24 } },
  {
    name: 'best_before has the documented format',
    input: ph({ extraParams: { best_before: '2026-12-31' } }),
    issues: ['extraParams.best_before pattern'],
    message: /^extraParams\.best_before must look like 2026-12-31T23:59:59\+08:00$/,
    params: { example: '2026-12-31T23:59:59+08:00' },
  },
  { name: 'sign-url is required without a sign function', input: ph({ 'sign-url': null }), issues: ['sign-url required'], message: /^sign-url is required$/ },
  { name: 'sign-timeout is a positive integer', input: ph({ 'sign-timeout': '0' }), issues: ['sign-timeout positive-integer'], message: /^sign-timeout must be a positive whole number$/ },
  { name: 'payment-page-url is https (http only on localhost)', input: ph({ 'payment-page-url': 'http://paymentpage.example.com' }), issues: ['payment-page-url url'], message: URL_MESSAGE, params: URL_RULE },
  { name: 'payment-page-url is never javascript:', input: ph({ 'payment-page-url': 'javascript:alert(1)' }), issues: ['payment-page-url url'], message: URL_MESSAGE, params: URL_RULE },

  // The element's own settings.
  { name: 'sign-url: blank is missing', input: ph({ 'sign-url': '  ' }), issues: ['sign-url required'], message: /^sign-url is required$/ },
  { name: 'sign-url: sign: false still needs it', input: ph({ 'sign-url': null, sign: false }), issues: ['sign-url required'], message: /^sign-url is required$/ },
  { name: 'sign-timeout: not a fraction', input: ph({ 'sign-timeout': '1.5' }), issues: ['sign-timeout positive-integer'], message: /^sign-timeout must be a positive whole number$/ },
  { name: 'sign-timeout: not negative', input: ph({ 'sign-timeout': '-1' }), issues: ['sign-timeout positive-integer'], message: /^sign-timeout must be/ },
  { name: 'sign-timeout: not words', input: ph({ 'sign-timeout': '15s' }), issues: ['sign-timeout positive-integer'], message: /^sign-timeout must be/ },
  { name: 'payment-page-url: relative', input: ph({ 'payment-page-url': '/payment-page' }), issues: ['payment-page-url url'], message: URL_MESSAGE, params: URL_RULE },
  { name: 'payment-page-url: data:', input: ph({ 'payment-page-url': 'data:text/html,x' }), issues: ['payment-page-url url'], message: URL_MESSAGE, params: URL_RULE },
  { name: 'payment-page-url: JavaScript: in any case', input: ph({ 'payment-page-url': '  JavaScript:alert(1)' }), issues: ['payment-page-url url'], message: URL_MESSAGE, params: URL_RULE },
  { name: 'payment-page-url: http on a host that only starts like localhost', input: ph({ 'payment-page-url': 'http://localhost.evil.example' }), issues: ['payment-page-url url'], message: URL_MESSAGE, params: URL_RULE },
  { name: 'payment-page-url: no credentials', input: ph({ 'payment-page-url': 'https://user:pw@pp.example/' }), issues: ['payment-page-url url'], message: URL_MESSAGE, params: URL_RULE },
  { name: 'payment-page-url: no query', input: ph({ 'payment-page-url': 'https://pp.example/?a=1' }), issues: ['payment-page-url url'], message: URL_MESSAGE, params: URL_RULE },
  { name: 'payment-page-url: no fragment', input: ph({ 'payment-page-url': 'https://pp.example/#x' }), issues: ['payment-page-url url'], message: URL_MESSAGE, params: URL_RULE },
  { name: 'bank-picker is for the Philippines only', input: cup({ 'bank-picker': true, bank: 6 }), issues: ['bank-picker only-for-method'], message: /^bank-picker applies to Banks of the Philippines only$/, params: { method: PH_NAME } },
  {
    name: 'CUP: every Philippine display option named at once',
    input: cup({ 'split-banks': true, 'banks-id': '2371', 'bank-picker': true }),
    issues: ['split-banks only-for-method', 'banks-id only-for-method', 'bank-picker only-for-method'],
    message: /^split-banks applies to/,
    params: { method: PH_NAME },
  },
  { name: 'bank-picker: bank is required until the buyer chooses', input: ph({ 'bank-picker': true }), issues: ['bank required'], message: /^bank is required$/ },
  { name: 'bank-picker: bank null is not chosen', input: ph({ 'bank-picker': true, bank: null }), issues: ['bank required'], message: /^bank is required$/ },
  { name: 'bank: not 0', input: ph({ 'bank-picker': true, bank: 0 }), issues: ['bank positive-integer'], message: /^bank must be a positive whole number$/ },
  { name: 'bank: not negative', input: ph({ 'bank-picker': true, bank: -1 }), issues: ['bank positive-integer'], message: /^bank must be a positive whole number$/ },
  { name: 'bank: not a fraction', input: ph({ 'bank-picker': true, bank: 1.5 }), issues: ['bank positive-integer'], message: /^bank must be a positive whole number$/ },
  { name: 'bank: not NaN', input: ph({ 'bank-picker': true, bank: NaN }), issues: ['bank positive-integer'], message: /^bank must be a positive whole number$/ },

  // min-amount / max-amount.
  { name: 'max-amount is an integer', input: cup({ 'max-amount': 'lots' }), issues: ['max-amount integer'], message: /^max-amount must be a whole number/ },
  { name: 'min-amount is not negative', input: cup({ 'min-amount': '-1' }), issues: ['min-amount integer'], message: /^min-amount must be a whole number/ },
  { name: 'max-amount below the amount, documented minimum kept', input: ph({ amount: '150000', 'max-amount': '100000' }), issues: ['amount max'], message: /^amount must be at most 100000 \(₱1,000\.00\)$/, params: { limit: 100000, currency: 'PHP' } },
  { name: 'overrides apply in any currency (Philippines in USD)', input: ph({ currency: 'USD', amount: '50', 'min-amount': '100' }), issues: ['amount min'], message: /^amount must be at least 100 \(\$1\.00\)$/, params: { limit: 100, currency: 'USD' } },

  // extraParams.
  { name: 'extraParams: an array is not an object', input: ph({ extraParams: [1] as unknown as Record<string, unknown> }), issues: ['extraParams type'], message: /^extraParams must be an object of Payment Page parameters$/, params: { expected: 'an object of Payment Page parameters' } },
  { name: 'extraParams: a string is not an object', input: ph({ extraParams: 'a=1' as unknown as Record<string, unknown> }), issues: ['extraParams type'], message: /^extraParams must be an object/, params: { expected: 'an object of Payment Page parameters' } },
  { name: 'extraParams: a Map is not an object', input: ph({ extraParams: new Map([['a', 1]]) as unknown as Record<string, unknown> }), issues: ['extraParams type'], message: /^extraParams must be an object/, params: { expected: 'an object of Payment Page parameters' } },
  { name: 'extraParams: null values refused', input: ph({ extraParams: { a: null } }), issues: ['extraParams.a scalar'], message: /^extraParams\.a must be a string, a number or a boolean$/ },
  { name: 'extraParams: NaN refused', input: ph({ extraParams: { a: NaN } }), issues: ['extraParams.a scalar'], message: /^extraParams\.a must be/ },
  { name: 'extraParams: arrays refused', input: ph({ extraParams: { a: [1, 2] } }), issues: ['extraParams.a scalar'], message: /^extraParams\.a must be/ },
  { name: 'extraParams: undefined refused', input: ph({ extraParams: { a: undefined } }), issues: ['extraParams.a scalar'], message: /^extraParams\.a must be/ },
  {
    name: 'extraParams: every broken key at once; the rest of extraParams is then left out (one mistake, one issue)',
    input: ph({ extraParams: { signature: 'x', nested: {}, payment_currency: 'USD', other: 'a;b' } }),
    issues: ['extraParams.signature reserved', 'extraParams.nested scalar', 'extraParams.payment_currency reserved'],
    message: /^extraParams\.signature is set through the sign-url attribute, not extraParams$/,
    params: { attribute: 'sign-url' },
  },
  {
    name: 'extraParams: force_payment_method belongs to preselect',
    input: ph({ extraParams: { force_payment_method: 'card' } }),
    issues: ['extraParams.force_payment_method reserved'],
    message: /set through the preselect attribute/,
    params: { attribute: 'preselect' },
  },

  // ";" in any value, project-id exactness, several at once.
  { name: '";" in customer-id', input: ph({ 'customer-id': 'c;1' }), issues: ['customer-id no-semicolon'], message: /^customer-id must not contain ";" \(it would make the signature ambiguous\)$/ },
  { name: '";" in description', input: cup({ description: '订单;1' }), issues: ['description no-semicolon'], message: /^description must not contain ";"/ },
  { name: '";" in customer-first-name', input: ph({ 'customer-first-name': 'Ju;an' }), issues: ['customer-first-name no-semicolon'], message: /^customer-first-name must not contain ";"/ },
  { name: '";" in customer-last-name', input: ph({ 'customer-last-name': 'dela;Cruz' }), issues: ['customer-last-name no-semicolon'], message: /^customer-last-name must not contain ";"/ },
  { name: '";" in customer-email (not an address either)', input: ph({ 'customer-email': 'a;b@x.example' }), issues: ['customer-email email', 'customer-email no-semicolon'], message: /^customer-email must be an e-mail address$/ },
  { name: '";" in amount (not a number either)', input: ph({ amount: '1;2' }), issues: ['amount integer', 'amount no-semicolon'], message: /^amount must be a whole number/ },
  { name: '";" in project-id', input: ph({ 'project-id': '58;0' }), issues: ['project-id positive-integer', 'project-id no-semicolon'], message: /^project-id must be a positive whole number$/ },
  { name: 'project-id of 20 digits is refused, not rounded', input: ph({ 'project-id': '12345678901234567890' }), issues: ['project-id positive-integer'], message: /^project-id must be a positive whole number$/ },
  { name: 'project-id just beyond 2^53 is refused', input: ph({ 'project-id': '9007199254740993' }), issues: ['project-id positive-integer'], message: /^project-id must be/ },
  { name: 'project-id: no leading zero', input: ph({ 'project-id': '0580' }), issues: ['project-id positive-integer'], message: /^project-id must be/ },
  { name: 'project-id: no exponent', input: ph({ 'project-id': '1e3' }), issues: ['project-id positive-integer'], message: /^project-id must be/ },
  { name: 'amount 0 where no limits apply (a Philippine purchase in USD)', input: ph({ currency: 'USD', amount: '0' }), issues: ['amount positive-integer'], message: /^amount must be a positive whole number$/ },
  { name: 'amount 0 with min-amount 0', input: ph({ amount: '0', 'min-amount': '0' }), issues: ['amount positive-integer'], message: /^amount must be a positive whole number$/ },
  { name: 'amount 0 under the documented limits', input: cup({ amount: '0' }), issues: ['amount positive-integer'], message: /^amount must be a positive whole number$/ },
  {
    name: 'sign-timeout beyond what a timer can wait (2^31 − 1 ms)',
    input: ph({ 'sign-timeout': '2147483648' }),
    issues: ['sign-timeout max'],
    message: /^sign-timeout must be at most 2147483647$/,
    params: { limit: 2147483647 },
  },
  { name: 'banks-id of 20 digits is refused, not rounded', input: ph({ 'banks-id': '2421, 99999999999999999999' }), issues: ['banks-id integer-list'], message: /^banks-id must be a comma-separated list of whole numbers$/ },
  { name: 'banks-id 0 is no bank', input: ph({ 'banks-id': '0' }), issues: ['banks-id integer-list'], message: /^banks-id must be/ },
  { name: 'max-amount of 20 digits is refused, not rounded', input: ph({ 'max-amount': '99999999999999999999' }), issues: ['max-amount integer'], message: /^max-amount must be a whole number/ },
  { name: 'min-amount beyond 2^53 is refused', input: ph({ 'min-amount': '9007199254740993' }), issues: ['min-amount integer'], message: /^min-amount must be a whole number/ },
  {
    name: 'a launch URL longer than every engine navigates to (1 MiB): the longest parameter is named',
    input: ph({ extraParams: { merchant_data: 'x'.repeat(1_048_576), note: 'y'.repeat(400) } }),
    issues: ['extraParams.merchant_data url-length'],
    message: /^extraParams\.merchant_data makes the launch URL \d{7} characters long, more than the 1048576 every browser opens$/,
    paramsInMessage: true,
  },
  {
    name: 'a long payment-page-url counts too: parameters that fit with the default address do not with this one',
    input: ph({ 'payment-page-url': `https://pay.shop.example/${'p'.repeat(5000)}`, extraParams: { merchant_data: 'x'.repeat(1_044_000) } }),
    issues: ['extraParams.merchant_data url-length'],
    message: /^extraParams\.merchant_data makes the launch URL 10\d{5} characters long/,
    paramsInMessage: true,
  },
  {
    name: 'a lone surrogate in an extra parameter\'s name',
    input: ph({ extraParams: { 'x\ud800': 'v' } }),
    issues: ['extraParams.x\ud800 type'],
    message: /must be text without unpaired surrogates$/,
    params: { expected: 'text without unpaired surrogates' },
  },
  { name: 'amount of 20 digits is refused, not rounded', input: ph({ currency: 'USD', amount: '99999999999999999999' }), issues: ['amount integer'], message: /^amount must be a whole number/ },
  { name: 'nothing at all: the method and sign-url', input: {}, issues: ['method required', 'sign-url required'], message: /^method is required$/ },
  {
    name: 'every broken attribute at once, each once',
    input: cup({ 'project-id': 'x', amount: '50', currency: 'CNY', description: null, language: 'english', 'customer-email': 'nope', 'sign-timeout': '0' }),
    issues: ['language pattern', 'sign-timeout positive-integer', 'project-id positive-integer', 'amount min', 'description required', 'customer-email email'],
    message: /^language must look like zh, en$/,
    params: { example: 'zh, en' },
  },
];

for (const c of refusals) {
  test(`refused: ${c.name}`, () => {
    const issues = issuesOf(parseCheckoutConfig(c.input));
    assert.deepEqual(summary(issues), c.issues);
    assert.match(issues[0]!.message, c.message);
    if (!c.paramsInMessage) assert.deepEqual(issues[0]!.params, c.params);
    assertMessagesNameFields(issues);
  });
}

test('extraParams: each reserved parameter names its attribute', () => {
  const table: [string, string][] = [
    ['project_id', 'project-id'],
    ['payment_id', 'payment-id'],
    ['payment_amount', 'amount'],
    ['payment_currency', 'currency'],
    ['customer_id', 'customer-id'],
    ['payment_description', 'description'],
    ['language_code', 'language'],
    ['customer_email', 'customer-email'],
    ['customer_first_name', 'customer-first-name'],
    ['customer_last_name', 'customer-last-name'],
    ['force_payment_method', 'preselect'],
    ['payment_methods_options', 'split-banks'],
    ['signature', 'sign-url'],
  ];
  for (const [param, attribute] of table) {
    const issues = issuesOf(parseCheckoutConfig(ph({ extraParams: { [param]: 'x' } })));
    assert.deepEqual(issues, [
      {
        field: `extraParams.${param}`,
        rule: 'reserved',
        message: `extraParams.${param} is set through the ${attribute} attribute, not extraParams`,
        params: { attribute },
      },
    ]);
    assert.equal(attributeOf(param), attribute);
  }
  assert.equal(attributeOf('merchant_success_url'), 'extraParams.merchant_success_url');
});

// ── accepted configurations: the exact parameters ──────────────────────────

interface Acceptance {
  name: string;
  input: CheckoutInput;
  params: LaunchParams;
  /** Checked when given (`null`: no limits apply). */
  limits?: AmountRange | null;
  overrides?: { min?: number; max?: number };
  timeout?: number;
  base?: string;
  signUrl?: string | null;
}

const acceptances: Acceptance[] = [
  {
    name: 'CUP Banks: CNY, language_code zh, the description; the documented limits and defaults',
    input: CUP,
    params: CUP_PARAMS,
    limits: { min: 10000, max: 10000000 },
    overrides: { min: undefined, max: undefined },
    timeout: DEFAULT_SIGN_TIMEOUT,
    base: DEFAULT_PAYMENT_PAGE_URL,
    signUrl: '/api/sign',
  },
  { name: 'CUP: the minimum itself', input: cup({ amount: '10000' }), params: { ...CUP_PARAMS, payment_amount: 10000 } },
  { name: 'CUP: the maximum itself', input: cup({ amount: '10000000' }), params: { ...CUP_PARAMS, payment_amount: 10000000 } },
  { name: 'CUP: language zh given explicitly', input: cup({ language: 'zh' }), params: CUP_PARAMS },
  // `language` is the UI language; CUP's Payment Page is always opened in Chinese (SPEC §2).
  { name: 'CUP: an English UI still opens the Payment Page in zh', input: cup({ language: 'en' }), params: CUP_PARAMS },
  { name: 'CUP: any UI language (ru) still opens the Payment Page in zh', input: cup({ language: 'ru' }), params: CUP_PARAMS },
  { name: 'CUP: currency CNY given explicitly', input: cup({ currency: 'CNY' }), params: CUP_PARAMS },
  { name: 'CUP preselected: force_payment_method cup-bank', input: cup({ preselect: true }), params: { ...CUP_PARAMS, force_payment_method: 'cup-bank' } },
  { name: 'CUP: bank display options switched off are fine', input: cup({ 'split-banks': false, 'bank-picker': false, 'banks-id': null }), params: CUP_PARAMS },
  {
    name: 'CUP: min-amount lowers the minimum for projects with other agreed limits',
    input: cup({ amount: '5000', 'min-amount': '5000' }),
    params: { ...CUP_PARAMS, payment_amount: 5000 },
    limits: { min: 5000, max: 10000000 },
    overrides: { min: 5000, max: undefined },
  },
  {
    name: 'CUP: max-amount raises the maximum',
    input: cup({ amount: '20000000', 'max-amount': '50000000' }),
    params: { ...CUP_PARAMS, payment_amount: 20000000 },
    limits: { min: 10000, max: 50000000 },
    overrides: { min: undefined, max: 50000000 },
  },
  { name: 'CUP: min-amount equal to max-amount', input: cup({ amount: '20000', 'min-amount': '20000', 'max-amount': '20000' }), params: { ...CUP_PARAMS, payment_amount: 20000 }, limits: { min: 20000, max: 20000 } },
  { name: 'Philippines variant 1 (grouped behind one button): no display options', input: PH, params: PH_PARAMS, limits: { min: 100, max: 100000000 } },
  {
    name: 'Philippines variant 2 (each bank its own button): split_banks',
    input: ph({ 'split-banks': true }),
    params: { ...PH_PARAMS, payment_methods_options: '{"online_philippines_banks":{"split_banks":true}}' },
  },
  {
    name: 'Philippines variant 3 (only some banks): split_banks and banks_id, as a JSON string',
    input: ph({ 'split-banks': true, 'banks-id': '2421, 2371' }),
    params: { ...PH_PARAMS, payment_methods_options: '{"online_philippines_banks":{"split_banks":true,"banks_id":[2421,2371]}}' },
  },
  { name: 'Philippines variant 4 (preselected method): force_payment_method only', input: ph({ preselect: true }), params: { ...PH_PARAMS, force_payment_method: 'online-philippines-banks' } },
  {
    name: 'Philippines variant 5 (one bank preselected): force_payment_method and banks_id',
    input: ph({ preselect: true, 'banks-id': '2371' }),
    params: { ...PH_PARAMS, force_payment_method: 'online-philippines-banks', payment_methods_options: '{"online_philippines_banks":{"banks_id":[2371]}}' },
  },
  {
    name: 'Philippines bank-picker: the chosen bank as variant 5, in place of split-banks and banks-id',
    input: ph({ 'bank-picker': true, bank: 2371, 'split-banks': true, 'banks-id': '2421, 486' }),
    params: { ...PH_PARAMS, force_payment_method: 'online-philippines-banks', payment_methods_options: '{"online_philippines_banks":{"banks_id":[2371]}}' },
  },
  { name: 'Philippines: a bank without bank-picker is ignored', input: ph({ bank: 2371 }), params: PH_PARAMS },
  {
    name: 'Philippines: e-mail, names and a description pass through; language_code only when set',
    input: ph({ 'customer-first-name': 'Juan', 'customer-last-name': 'dela Cruz', description: 'Order #7', language: 'en' }),
    params: { ...PH_PARAMS, customer_first_name: 'Juan', customer_last_name: 'dela Cruz', payment_description: 'Order #7', language_code: 'en' },
  },
  { name: 'Philippines: blank optional text is left out', input: ph({ description: ' ', 'customer-first-name': '', 'customer-email': null }), params: PH_WITHOUT_EMAIL },
  { name: 'Philippines: a purchase in another currency has no documented limits', input: ph({ currency: 'USD', amount: '50' }), params: { ...PH_PARAMS, payment_amount: 50, payment_currency: 'USD' }, limits: null },
  { name: 'Philippines: the minimum itself', input: ph({ amount: '100' }), params: { ...PH_PARAMS, payment_amount: 100 } },
  { name: 'Philippines: the maximum itself', input: ph({ amount: '100000000' }), params: { ...PH_PARAMS, payment_amount: 100000000 } },
  { name: 'Philippines: 255 characters outside the BMP are 255', input: ph({ description: '😀'.repeat(255) }), params: { ...PH_PARAMS, payment_description: '😀'.repeat(255) } },
  { name: 'amount with leading zeros is the number', input: ph({ amount: '00150000' }), params: PH_PARAMS },
  {
    name: 'extraParams pass through untouched',
    input: ph({ extraParams: { merchant_success_url: 'https://shop.example/ok?a=1&b=2', close_on_missclick: true, customer_phone: '639171234567', redirect: 0, best_before: inDays(7) } }),
    params: { ...PH_PARAMS, merchant_success_url: 'https://shop.example/ok?a=1&b=2', close_on_missclick: true, customer_phone: '639171234567', redirect: 0, best_before: inDays(7) },
  },
  { name: 'extraParams null or empty: nothing added', input: ph({ extraParams: null }), params: PH_PARAMS },
  { name: 'sign: true replaces sign-url', input: ph({ 'sign-url': null, sign: true }), params: PH_PARAMS, signUrl: null },
  { name: 'sign-timeout at the longest a timer can wait', input: ph({ 'sign-timeout': '2147483647' }), params: PH_PARAMS, timeout: 2147483647 },
  { name: 'sign-url is trimmed; sign-timeout in milliseconds', input: ph({ 'sign-url': '  /api/sign  ', 'sign-timeout': '3000' }), params: PH_PARAMS, signUrl: '/api/sign', timeout: 3000 },
  { name: 'payment-page-url on https, trailing slashes dropped', input: ph({ 'payment-page-url': 'https://pp.example/base///' }), params: PH_PARAMS, base: 'https://pp.example/base' },
  { name: 'payment-page-url: http on localhost (a local sandbox)', input: ph({ 'payment-page-url': 'http://localhost:8080/' }), params: PH_PARAMS, base: 'http://localhost:8080' },
  { name: 'payment-page-url: http on 127.0.0.1', input: ph({ 'payment-page-url': 'http://127.0.0.1:9000' }), params: PH_PARAMS, base: 'http://127.0.0.1:9000' },
  { name: 'payment-page-url: http on [::1]', input: ph({ 'payment-page-url': 'http://[::1]:9000/' }), params: PH_PARAMS, base: 'http://[::1]:9000' },
];

for (const c of acceptances) {
  test(`accepted: ${c.name}`, () => {
    const config = configOf(c.input);
    assert.deepEqual(config.params, c.params);
    assert.equal(config.method, c.input.method);
    assert.equal(config.rules, methodRules(config.method));
    if (c.limits !== undefined) assert.deepEqual(config.limits, c.limits ?? undefined);
    if (c.overrides) assert.deepEqual(config.overrides, c.overrides);
    if (c.timeout !== undefined) assert.equal(config.timeout, c.timeout);
    if (c.base !== undefined) assert.equal(config.base, c.base);
    if (c.signUrl !== undefined) assert.equal(config.signUrl, c.signUrl);
  });
}

test('accepted: the parameter order is the documented one (project, payment, amount, currency, customer, …, extras last)', () => {
  const config = configOf(ph({ description: 'd', language: 'en', preselect: true, 'split-banks': true, 'customer-first-name': 'J', 'customer-last-name': 'C', extraParams: { z: 1 } }));
  assert.deepEqual(Object.keys(config.params), [
    'project_id',
    'payment_id',
    'payment_amount',
    'payment_currency',
    'customer_id',
    'payment_description',
    'language_code',
    'force_payment_method',
    'payment_methods_options',
    'customer_email',
    'customer_first_name',
    'customer_last_name',
    'z',
  ]);
});

test('accepted: a refused configuration fixed becomes valid (nothing is remembered between calls)', () => {
  assert.equal(parseCheckoutConfig(cup({ amount: '50' })).ok, false);
  assert.equal(configOf(cup({ amount: '20000' })).params.payment_amount, 20000);
});

// ── memoiseCheckout ────────────────────────────────────────────────────────

test('memoiseCheckout: the same input gives the same result object, without parsing again', () => {
  const parse = memoiseCheckout();
  const input = ph({ extraParams: { merchant_success_url: 'https://shop.example/ok' } });
  const first = parse(input);
  assert.equal(first.ok, true);
  assert.equal(parse(input), first, 'the same object');
  assert.equal(parse({ ...input, extraParams: { ...input.extraParams } }), first, 'an equal copy, extraParams compared entry by entry');
  assert.notEqual(parseCheckoutConfig(input), first, 'parsing always gives a new object');
});

test('memoiseCheckout: a changed attribute gives a new result', () => {
  const parse = memoiseCheckout();
  const first = parse(PH);
  const second = parse(ph({ amount: '250000' }));
  assert.notEqual(second, first);
  assert.ok(second.ok);
  assert.equal(second.value.params.payment_amount, 250000);
  assert.equal(parse(PH) === first, false, 'only the last input is remembered');
});

test('memoiseCheckout: an attribute added or removed gives a new result', () => {
  const parse = memoiseCheckout();
  const first = parse(PH);
  const added = parse(ph({ description: 'Order' }));
  assert.notEqual(added, first);
  assert.ok(added.ok);
  assert.equal(added.value.params.payment_description, 'Order');
  const removed = parse(PH);
  assert.notEqual(removed, added);
  assert.ok(removed.ok);
  assert.equal('payment_description' in removed.value.params, false);
});

test('memoiseCheckout: the input object mutated in place gives a new result', () => {
  const parse = memoiseCheckout();
  const input: CheckoutInput = { ...PH };
  const first = parse(input);
  input.amount = '99';
  const second = parse(input);
  assert.notEqual(second, first);
  assert.deepEqual(summary(issuesOf(second)), ['amount min']);
});

test('memoiseCheckout: extraParams mutated in place gives a new result; the same again does not', () => {
  const parse = memoiseCheckout();
  const extraParams: Record<string, unknown> = { merchant_success_url: 'https://shop.example/ok' };
  const input = ph({ extraParams });
  const first = parse(input);
  extraParams.merchant_success_url = 'https://shop.example/ok;x';
  const second = parse(input);
  assert.notEqual(second, first);
  assert.deepEqual(summary(issuesOf(second)), ['extraParams.merchant_success_url no-semicolon']);
  assert.equal(parse(input), second);
  delete extraParams.merchant_success_url;
  const third = parse(input);
  assert.notEqual(third, second);
  assert.ok(third.ok);
  assert.deepEqual(third.value.params, PH_PARAMS);
  extraParams.close_on_missclick = true;
  const fourth = parse(input);
  assert.notEqual(fourth, third);
  assert.ok(fourth.ok);
  assert.equal(fourth.value.params.close_on_missclick, true);
});

test('memoiseCheckout: extraParams replaced by a non-object and back', () => {
  const parse = memoiseCheckout();
  const first = parse(ph({ extraParams: { a: 1 } }));
  const broken = parse(ph({ extraParams: [1] as unknown as Record<string, unknown> }));
  assert.notEqual(broken, first);
  assert.deepEqual(summary(issuesOf(broken)), ['extraParams type']);
  const fixed = parse(ph({ extraParams: { a: 1 } }));
  assert.notEqual(fixed, broken);
  assert.ok(fixed.ok);
});

test('memoiseCheckout: separate memos do not share results', () => {
  const a = memoiseCheckout();
  const b = memoiseCheckout();
  assert.notEqual(a(PH), b(PH));
});

// ── signedParamIssues: the backend's answer, held to the same rules ────────

interface SignedCase {
  name: string;
  input: CheckoutInput;
  answer: LaunchParams;
  issues: string[];
  params?: IssueParams;
}

const signedCases: SignedCase[] = [
  { name: 'the same parameters pass', input: PH, answer: PH_PARAMS, issues: [] },
  { name: 'CUP: the same parameters pass', input: CUP, answer: CUP_PARAMS, issues: [] },
  { name: 'a backend amount below the limit', input: PH, answer: { ...PH_PARAMS, payment_amount: 50 }, issues: ['payment_amount min'], params: { limit: 100, currency: 'PHP' } },
  { name: 'a backend answer in another currency: no PHP limits for USD', input: PH, answer: { ...PH_PARAMS, payment_currency: 'USD', payment_amount: 50 }, issues: [] },
  {
    name: 'the element in USD (no limits), the backend in PHP: PHP limits apply',
    input: ph({ currency: 'USD', amount: '50' }),
    answer: { ...PH_PARAMS, payment_amount: 50 },
    issues: ['payment_amount min'],
    params: { limit: 100, currency: 'PHP' },
  },
  {
    name: 'the element in USD, the backend in PHP above the maximum',
    input: ph({ currency: 'USD', amount: '50' }),
    answer: { ...PH_PARAMS, payment_amount: 100000001 },
    issues: ['payment_amount max'],
    params: { limit: 100000000, currency: 'PHP' },
  },
  { name: 'max-amount still applies to the answer', input: cup({ 'max-amount': '15000' }), answer: { ...CUP_PARAMS, payment_amount: 20000 }, issues: ['payment_amount max'], params: { limit: 15000, currency: 'CNY' } },
  { name: 'min-amount still applies to the answer', input: cup({ amount: '50000', 'min-amount': '50000' }), answer: { ...CUP_PARAMS, payment_amount: 20000 }, issues: ['payment_amount min'], params: { limit: 50000, currency: 'CNY' } },
  { name: 'min-amount lowers the limit for the answer too', input: cup({ amount: '5000', 'min-amount': '5000' }), answer: { ...CUP_PARAMS, payment_amount: 6000 }, issues: [] },
  {
    name: 'overrides apply to an answer in another currency',
    input: ph({ 'min-amount': '10000' }),
    answer: { ...PH_PARAMS, payment_currency: 'USD', payment_amount: 5000 },
    issues: ['payment_amount min'],
    params: { limit: 10000, currency: 'USD' },
  },
  { name: 'CUP: an answer in USD', input: CUP, answer: { ...CUP_PARAMS, payment_currency: 'USD' }, issues: ['payment_currency currency'], params: { values: 'CNY', method: CUP_NAME } },
  { name: 'CUP: an answer without language_code', input: CUP, answer: { ...CUP_PARAMS, language_code: 'en' }, issues: ['language_code only-value'], params: { value: 'zh', method: CUP_NAME } },
  { name: 'an answer with ";"', input: PH, answer: { ...PH_PARAMS, customer_first_name: 'a;b' }, issues: ['customer_first_name no-semicolon'] },
  { name: 'an answer without a currency', input: PH, answer: { ...PH_PARAMS, payment_currency: '' }, issues: ['payment_currency currency'] },
  { name: 'an answer forcing another method', input: PH, answer: { ...PH_PARAMS, force_payment_method: 'cup-bank' }, issues: ['force_payment_method only-value'], params: { value: 'online-philippines-banks', method: PH_NAME } },
];

for (const c of signedCases) {
  test(`signedParamIssues: ${c.name}`, () => {
    const issues = signedParamIssues(configOf(c.input), c.answer);
    assert.deepEqual(summary(issues), c.issues);
    if (c.params) assert.deepEqual(issues[0]!.params, c.params);
    assertMessagesNameFields(issues);
  });
}

// ── paramIssues: the rules over finished parameters (signing handler, sandbox) ──

interface ParamCase {
  name: string;
  rules: typeof CUP_RULES;
  params: LaunchParams;
  limits: AmountRange | undefined;
  issues: string[];
  params0?: IssueParams;
}

const CUP_LIMITS = { min: 10000, max: 10000000 };
const PH_LIMITS = { min: 100, max: 100000000 };

const paramCases: ParamCase[] = [
  { name: 'CUP parameters as signed pass', rules: CUP_RULES, params: { ...CUP_PARAMS, signature: 'AAAA' }, limits: CUP_LIMITS, issues: [] },
  { name: 'Philippine parameters as signed pass', rules: PH_RULES, params: PH_PARAMS, limits: PH_LIMITS, issues: [] },
  { name: 'numbers as strings pass (a query string)', rules: PH_RULES, params: { ...PH_PARAMS, project_id: '580', payment_amount: '150000' }, limits: PH_LIMITS, issues: [] },
  {
    name: 'required parameters, by their names',
    rules: PH_RULES,
    params: { payment_currency: 'PHP' },
    limits: PH_LIMITS,
    issues: ['project_id required', 'payment_id required', 'payment_amount required', 'customer_id required'],
  },
  { name: 'CUP: description and language_code', rules: CUP_RULES, params: { ...CUP_PARAMS, payment_description: '', language_code: undefined } as unknown as LaunchParams, limits: CUP_LIMITS, issues: ['payment_description required', 'language_code only-value'] },
  { name: 'project_id 0', rules: PH_RULES, params: { ...PH_PARAMS, project_id: 0 }, limits: PH_LIMITS, issues: ['project_id positive-integer'] },
  { name: 'project_id a fraction', rules: PH_RULES, params: { ...PH_PARAMS, project_id: 1.5 }, limits: PH_LIMITS, issues: ['project_id positive-integer'] },
  { name: 'project_id of 20 digits (a string: never rounded)', rules: PH_RULES, params: { ...PH_PARAMS, project_id: '12345678901234567890' }, limits: PH_LIMITS, issues: ['project_id positive-integer'] },
  { name: 'payment_amount a fraction', rules: PH_RULES, params: { ...PH_PARAMS, payment_amount: 150.5 }, limits: PH_LIMITS, issues: ['payment_amount integer'] },
  { name: 'payment_amount a boolean', rules: PH_RULES, params: { ...PH_PARAMS, payment_amount: true }, limits: PH_LIMITS, issues: ['payment_amount integer'] },
  { name: 'payment_amount 0 without limits', rules: PH_RULES, params: { ...PH_PARAMS, payment_currency: 'USD', payment_amount: 0 }, limits: undefined, issues: ['payment_amount positive-integer'], params0: undefined },
  { name: 'payment_amount below the limits given', rules: PH_RULES, params: { ...PH_PARAMS, payment_amount: 99 }, limits: PH_LIMITS, issues: ['payment_amount min'], params0: { limit: 100, currency: 'PHP' } },
  { name: 'no limits given: any whole amount', rules: PH_RULES, params: { ...PH_PARAMS, payment_amount: 1 }, limits: undefined, issues: [] },
  { name: 'payment_currency lower case', rules: PH_RULES, params: { ...PH_PARAMS, payment_currency: 'php' }, limits: PH_LIMITS, issues: ['payment_currency currency'], params0: undefined },
  { name: 'payment_description of 256 characters', rules: PH_RULES, params: { ...PH_PARAMS, payment_description: 'x'.repeat(256) }, limits: PH_LIMITS, issues: ['payment_description max-length'], params0: { max: 255 } },
  { name: 'CUP force_payment_method of the other method', rules: CUP_RULES, params: { ...CUP_PARAMS, force_payment_method: 'online-philippines-banks' }, limits: CUP_LIMITS, issues: ['force_payment_method only-value'], params0: { value: 'cup-bank', method: CUP_NAME } },
  { name: 'customer_email', rules: PH_RULES, params: { ...PH_PARAMS, customer_email: 'x' }, limits: PH_LIMITS, issues: ['customer_email email'] },
  { name: 'customer_email with dotted local part and subdomains passes', rules: PH_RULES, params: { ...PH_PARAMS, customer_email: 'ana.cruz@mail.shop.example.ph' }, limits: PH_LIMITS, issues: [] },
  { name: 'customer_email with an empty domain label', rules: PH_RULES, params: { ...PH_PARAMS, customer_email: 'ana@shop..ph' }, limits: PH_LIMITS, issues: ['customer_email email'] },
  // 100 kB crafted so that the old pattern backtracked for seconds: now one pass, and too long anyway.
  { name: 'customer_email of 100 kB with 25,000 dots', rules: PH_RULES, params: { ...PH_PARAMS, customer_email: `test_customer@example.c${'le.c'.repeat(25_000)}@` }, limits: PH_LIMITS, issues: ['customer_email email'] },
  { name: 'customer_email of 255 characters (RFC 5321 allows 254)', rules: PH_RULES, params: { ...PH_PARAMS, customer_email: `${'a'.repeat(243)}@shop.example` }, limits: PH_LIMITS, issues: ['customer_email email'] },
  {
    name: 'a lone surrogate in any text (no URL can carry it: encodeURIComponent throws)',
    rules: PH_RULES,
    params: { ...PH_PARAMS, customer_last_name: 'Cruz\ud800', payment_description: 'ok 😀' },
    limits: PH_LIMITS,
    issues: ['customer_last_name type'],
    params0: { expected: 'text without unpaired surrogates' },
  },
  { name: 'customer_phone as a number passes', rules: PH_RULES, params: { ...PH_PARAMS, customer_phone: 639171234567 }, limits: PH_LIMITS, issues: [] },
  { name: 'customer_phone too short', rules: PH_RULES, params: { ...PH_PARAMS, customer_phone: '123' }, limits: PH_LIMITS, issues: ['customer_phone digits'], params0: { min: 4, max: 24 } },
  { name: 'best_before', rules: PH_RULES, params: { ...PH_PARAMS, best_before: '2026-12-31 23:59' }, limits: PH_LIMITS, issues: ['best_before pattern'] },
  { name: '";" in any parameter, unknown ones too', rules: PH_RULES, params: { ...PH_PARAMS, payment_id: 'a;b', merchant_fail_url: 'https://x/;' }, limits: PH_LIMITS, issues: ['payment_id no-semicolon', 'merchant_fail_url no-semicolon'] },
];

for (const c of paramCases) {
  test(`paramIssues: ${c.name}`, () => {
    const issues = paramIssues(c.rules, c.params, c.limits);
    assert.deepEqual(summary(issues), c.issues);
    if ('params0' in c) assert.deepEqual(issues[0]!.params, c.params0);
    assertMessagesNameFields(issues);
  });
}

/** SPEC §9: `best_before` is `YYYY-MM-DDThh:mm:ss±hh:mm`, a real moment, after now and at most 30 days ahead. */
const NOW = Date.UTC(2026, 10, 23, 12, 0, 0); // 2026-11-23T12:00:00Z = 20:00 in Manila
const bestBeforeCases: [name: string, value: string, issues: string[]][] = [
  ['a week ahead', inDays(7, NOW), []],
  ['30 days ahead exactly', '2026-12-23T20:00:00+08:00', []],
  ['a second more than 30 days ahead', '2026-12-23T20:00:01+08:00', ['best_before max']],
  ['70 years ahead', '2096-11-23T20:00:00+08:00', ['best_before max']],
  ['in the past', '2026-11-22T20:00:00+08:00', ['best_before min']],
  ['now exactly (already over)', '2026-11-23T20:00:00+08:00', ['best_before min']],
  ['the offset counts: 12:00:01 UTC written in UTC−05:00', '2026-11-23T07:00:01-05:00', []],
  ['the offset counts: 11:59:59 UTC written in UTC+14:00', '2026-11-24T01:59:59+14:00', ['best_before min']],
  ['month 13, day 45, hour 99', '2026-13-45T99:99:99+08:00', ['best_before pattern']],
  ['30 February', '2027-02-30T10:00:00+08:00', ['best_before pattern']],
  ['29 February of a common year', '2027-02-29T10:00:00+08:00', ['best_before pattern']],
  ['hour 24', '2026-11-30T24:00:00+08:00', ['best_before pattern']],
  ['an offset of 15 hours', '2026-11-30T10:00:00+15:00', ['best_before pattern']],
  ['no offset', '2026-11-30T10:00:00', ['best_before pattern']],
  ['Z instead of an offset', '2026-11-30T10:00:00Z', ['best_before pattern']],
  ['a space instead of T', '2026-11-30 10:00:00+08:00', ['best_before pattern']],
];
for (const [name, value, expected] of bestBeforeCases) {
  test(`paramIssues: best_before ${name}`, () => {
    const issues = paramIssues(PH_RULES, { ...PH_PARAMS, best_before: value }, PH_LIMITS, undefined, NOW);
    assert.deepEqual(summary(issues), expected);
    assertMessagesNameFields(issues);
  });
}

test('best_before in the browser allows a day of clock skew; the signing side checks exactly', () => {
  // The buyer's clock 12 hours behind or ahead of the server's must not block a payment the server signed.
  const table: [offsetDays: number, issues: string[]][] = [
    [-0.5, []],
    [30.5, []],
    [-1.5, ['extraParams.best_before min']],
    [31.5, ['extraParams.best_before max']],
  ];
  for (const [days, issues] of table) {
    const parsed = parseCheckoutConfig(ph({ extraParams: { best_before: inDays(days) } }));
    assert.deepEqual(parsed.ok ? [] : summary(parsed.issues), issues, `${days} days`);
  }
  // The server's own check (what createSignHandler and the sandbox run): no skew.
  const now = Date.now();
  assert.deepEqual(summary(paramIssues(PH_RULES, { ...PH_PARAMS, best_before: inDays(-0.5, now) }, PH_LIMITS, undefined, now)), ['best_before min']);
});

test('paramIssues: best_before limits in the message are moments, in UTC', () => {
  const [late] = paramIssues(PH_RULES, { ...PH_PARAMS, best_before: '2096-11-23T20:00:00+08:00' }, PH_LIMITS, undefined, NOW);
  assert.equal(late!.message, 'best_before must be at most 2026-12-23T12:00:00.000Z');
  const [past] = paramIssues(PH_RULES, { ...PH_PARAMS, best_before: '2020-01-01T00:00:00+08:00' }, PH_LIMITS, undefined, NOW);
  assert.equal(past!.message, 'best_before must be at least 2026-11-23T12:00:00.000Z');
});

test('attributeOf: an extra parameter named like an Object.prototype member is an extra parameter', () => {
  for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) assert.equal(attributeOf(name), `extraParams.${name}`);
  assert.equal(attributeOf('payment_amount'), 'amount');
  const [found] = paramIssues(PH_RULES, { ...PH_PARAMS, constructor: 'a;b' }, PH_LIMITS, attributeOf);
  assert.equal(found!.field, 'extraParams.constructor');
});

test('paramIssues: fieldOf names parameters (the checkout: by attribute, extras under extraParams)', () => {
  const issues = paramIssues(PH_RULES, { ...PH_PARAMS, payment_amount: 5, customer_phone: 'x' }, PH_LIMITS, attributeOf);
  assert.deepEqual(summary(issues), ['amount min', 'extraParams.customer_phone digits']);
  assert.equal(issues[0]!.message, 'amount must be at least 100 (₱1.00)');
});

// ── limits and display options ─────────────────────────────────────────────

test('effectiveLimits: the overrides, else the documented ones in the method’s currency', () => {
  const table: [typeof CUP_RULES, string, number | undefined, number | undefined, AmountRange | undefined][] = [
    [CUP_RULES, 'CNY', undefined, undefined, { min: 10000, max: 10000000 }],
    [PH_RULES, 'PHP', undefined, undefined, { min: 100, max: 100000000 }],
    [PH_RULES, 'USD', undefined, undefined, undefined],
    [PH_RULES, 'USD', 500, undefined, { min: 500, max: 100000000 }],
    [PH_RULES, 'PHP', undefined, 1000, { min: 100, max: 1000 }],
    [CUP_RULES, 'CNY', 0, 0, { min: 0, max: 0 }],
  ];
  for (const [rules, currency, min, max, expected] of table) {
    assert.deepEqual(effectiveLimits(rules, currency, min, max), expected, `${rules.code} ${currency} ${min} ${max}`);
  }
});

test('bankDisplayOptions: the Philippine variants as JSON strings; nothing for CUP', () => {
  const table: [typeof CUP_RULES, boolean, number[], string | undefined][] = [
    [PH_RULES, false, [], undefined],
    [PH_RULES, true, [], '{"online_philippines_banks":{"split_banks":true}}'],
    [PH_RULES, true, [2421, 2371], '{"online_philippines_banks":{"split_banks":true,"banks_id":[2421,2371]}}'],
    [PH_RULES, false, [2371], '{"online_philippines_banks":{"banks_id":[2371]}}'],
    [CUP_RULES, true, [2371], undefined],
  ];
  for (const [rules, split, ids, expected] of table) assert.equal(bankDisplayOptions(rules, split, ids), expected, `${rules.code} ${split} ${ids}`);
});

// ── the Payment Page address ───────────────────────────────────────────────

test('paymentPageBase: https anywhere, http on this machine only, normalised', () => {
  const table: [string, string | null][] = [
    ['https://paymentpage.ecommpay.com', 'https://paymentpage.ecommpay.com'],
    ['https://paymentpage.ecommpay.com/', 'https://paymentpage.ecommpay.com'],
    ['HTTPS://PP.Example/White/Label/', 'https://pp.example/White/Label'],
    ['http://localhost:3000', 'http://localhost:3000'],
    ['http://127.0.0.1', 'http://127.0.0.1'],
    ['http://[::1]:8080/pp/', 'http://[::1]:8080/pp'],
    ['http://pp.example', null],
    ['http://127.0.0.2', null],
    ['ftp://pp.example', null],
    ['javascript:alert(1)', null],
    ['//pp.example', null],
    ['', null],
    ['https://a:b@pp.example', null],
    ['https://pp.example/?x=1', null],
    ['https://pp.example/#x', null],
  ];
  for (const [value, expected] of table) assert.equal(paymentPageBase(value), expected, value);
});

test('launchUrl: <base>/payment?<params>&signature=…, every key and value encoded, booleans 1/0, no second signature', () => {
  const url = launchUrl('https://pp.example', { project_id: 1, payment_id: 'a b&c', close_on_missclick: true, redirect: false, signature: 'old', payment_description: '订单+1' }, 'x/y+z=');
  assert.equal(
    url,
    'https://pp.example/payment?project_id=1&payment_id=a%20b%26c&close_on_missclick=1&redirect=0&payment_description=%E8%AE%A2%E5%8D%95%2B1&signature=x%2Fy%2Bz%3D',
  );
  assert.deepEqual([wireValue(true), wireValue(false), wireValue(0), wireValue('x')], ['1', '0', '0', 'x']);
});
