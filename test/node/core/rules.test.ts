/** `core/rules.ts` and `core/errors.ts`: each rule's English message, zod issues as `FieldIssue`s, the shared predicates. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { EcommpayFailure, describeIssues, type IssueParams, type IssueRule } from '../../../src/core/errors.ts';
import {
  BASE64,
  BEST_BEFORE,
  CURRENCY,
  EMAIL,
  INTEGER_LIST,
  PHONE,
  POSITIVE_INTEGER,
  charLength,
  isBlank,
  isFinalStatus,
  isPlainObject,
  isPositiveInteger,
  isScalar,
  issue,
  report,
  rule,
  validate,
  webUrl,
  zodIssues,
} from '../../../src/core/rules.ts';
import { summary } from './helpers.ts';

// ── issue(): one message per rule code ─────────────────────────────────────

/** Every rule code (a `Record` over `IssueRule`, so a new code without a row here is a type error). */
const MESSAGES: Record<IssueRule, [params: IssueParams | undefined, message: string][]> = {
  required: [[undefined, 'f is required']],
  type: [
    [{ expected: 'a JSON object' }, 'f must be a JSON object'],
    [undefined, 'f must be of another type'],
  ],
  integer: [[undefined, 'f must be a whole number (minor units, e.g. 1000 = 10.00)']],
  'positive-integer': [[undefined, 'f must be a positive whole number']],
  min: [
    [{ limit: 10000, currency: 'CNY' }, 'f must be at least 10000 (CN¥100.00)'],
    [{ limit: 100, currency: 'PHP' }, 'f must be at least 100 (₱1.00)'],
    [{ limit: 5 }, 'f must be at least 5'],
    [{ limit: 'max-amount (20000)' }, 'f must be at least max-amount (20000)'],
  ],
  max: [
    [{ limit: 10000000, currency: 'CNY' }, 'f must be at most 10000000 (CN¥100,000.00)'],
    [{ limit: 100000000, currency: 'PHP' }, 'f must be at most 100000000 (₱1,000,000.00)'],
    [{ limit: 4999900, currency: 'CNY' }, 'f must be at most 4999900 (CN¥49,999.00)'],
  ],
  'one-of': [[{ values: 'GET, POST' }, 'f must be one of: GET, POST']],
  'max-length': [[{ max: 255 }, 'f must be at most 255 characters']],
  'no-semicolon': [[undefined, 'f must not contain ";" (it would make the signature ambiguous)']],
  currency: [
    [{ values: 'CNY', method: 'CUP Banks (China UnionPay)' }, 'f must be CNY for CUP Banks (China UnionPay)'],
    [undefined, 'f must be an ISO 4217 code such as CNY or PHP'],
  ],
  'only-value': [[{ value: 'zh', method: 'CUP Banks (China UnionPay)' }, 'f must be zh for CUP Banks (China UnionPay)']],
  'only-for-method': [[{ method: 'Banks of the Philippines' }, 'f applies to Banks of the Philippines only']],
  email: [[undefined, 'f must be an e-mail address']],
  url: [
    [undefined, 'f must be an absolute https: or http: URL'],
    [{ schemes: 'https: (http: only for localhost)' }, 'f must be an absolute https: (http: only for localhost) URL'],
  ],
  digits: [
    [{ min: 4, max: 24 }, 'f must be 4–24 digits'],
    [{ min: 6, max: 6 }, 'f must be 6 digits'],
  ],
  pattern: [[{ example: '2026-12-31T23:59:59+08:00' }, 'f must look like 2026-12-31T23:59:59+08:00']],
  chinese: [[undefined, 'f must be written in Chinese characters']],
  luhn: [[undefined, 'f is not a valid card number (checksum)']],
  'integer-list': [[undefined, 'f must be a comma-separated list of whole numbers']],
  reserved: [[{ attribute: 'amount' }, 'f is set through the amount attribute, not extraParams']],
  scalar: [
    [undefined, 'f must be a string, a number or a boolean'],
    [{ types: 'a string, a number, a boolean or null' }, 'f must be a string, a number, a boolean or null'],
  ],
  'not-in-list': [[undefined, 'f is not one of the listed choices']],
  host: [[{ host: 'evil.example' }, 'f host evil.example is not in allowed-hosts']],
  unreachable: [
    [{ status: 503 }, 'f answered HTTP 503'],
    [{ seconds: 30 }, 'f gave no redirect_data within 30 s'],
    [undefined, 'f could not be reached'],
  ],
  answer: [[{ expected: '{"redirect_data": {...}}' }, 'f must answer {"redirect_data": {...}}']],
  'url-length': [[{ length: 1048600, max: 1048576 }, 'f makes the launch URL 1048600 characters long, more than the 1048576 every browser opens']],
};

for (const [code, rows] of Object.entries(MESSAGES) as [IssueRule, (typeof MESSAGES)[IssueRule]][]) {
  for (const [params, message] of rows) {
    test(`issue(): ${code} ${params ? JSON.stringify(params) : '(no params)'} → "${message}"`, () => {
      const expected = params ? { field: 'f', rule: code, message, params } : { field: 'f', rule: code, message };
      assert.deepEqual(issue('f', code, params), expected);
    });
  }
}

test('issue(): the message names the field as given (dotted paths, attributes)', () => {
  assert.equal(issue('customer.first_name', 'chinese').message, 'customer.first_name must be written in Chinese characters');
  assert.equal(issue('extraParams.x', 'scalar').message, 'extraParams.x must be a string, a number or a boolean');
});

test('rule(): a zod error/params pair carrying the rule code', () => {
  assert.deepEqual(rule('min', { limit: 5 }), { error: 'min', params: { limit: 5, rule: 'min' } });
  assert.deepEqual(rule('required'), { error: 'required', params: { rule: 'required' } });
});

// ── zodIssues / validate ───────────────────────────────────────────────────

const sample = z.object({
  name: z.string(),
  amount: z.number().check(
    z.refine((v) => v >= 10, rule('min', { limit: 10 })),
    z.refine((v) => v >= 20, rule('min', { limit: 20 })),
  ),
  kind: z.optional(z.enum(['a', 'b'])),
  only: z.optional(z.literal('x')),
  nested: z.optional(z.object({ text: z.string().check(z.refine((v) => !v.includes(';'), rule('no-semicolon'))) })),
  list: z.optional(z.array(z.string())),
  free: z.optional(z.string().check(z.refine((v) => v !== 'bad', 'not a rule code'))),
  custom: z.optional(
    z.unknown().check(
      z.superRefine((v, ctx) => {
        if (v === 1) report(ctx, [], 'scalar', { types: 'T' });
        if (v === 2) report(ctx, ['k', 0], 'reserved', { attribute: 'amount' });
      }),
    ),
  ),
});
const VALID = { name: 'n', amount: 30 };

interface ZodCase {
  name: string;
  value: unknown;
  fallback?: string;
  issues: string[];
  /** Params of each issue, in order (`undefined`: none). */
  params?: (IssueParams | undefined)[];
}

const zodCases: ZodCase[] = [
  { name: 'missing values are required', value: {}, issues: ['name required', 'amount required'], params: [undefined, undefined] },
  { name: 'null values are required', value: { name: null, amount: null }, issues: ['name required', 'amount required'] },
  { name: 'a value of the wrong type is type', value: { ...VALID, name: 5 }, issues: ['name type'], params: [undefined] },
  { name: 'an enum value outside the list is one-of, with the values', value: { ...VALID, kind: 'c' }, issues: ['kind one-of'], params: [{ values: 'a, b' }] },
  { name: 'a literal other than its value is one-of', value: { ...VALID, only: 'y' }, issues: ['only one-of'], params: [{ values: 'x' }] },
  { name: 'a custom rule code, params without the internal `rule`', value: { ...VALID, amount: 15 }, issues: ['amount min'], params: [{ limit: 20 }] },
  { name: 'one issue per field and rule (the first)', value: { ...VALID, amount: 5 }, issues: ['amount min'], params: [{ limit: 10 }] },
  { name: 'nested fields are named by their dotted path', value: { ...VALID, nested: { text: 'a;b' } }, issues: ['nested.text no-semicolon'] },
  { name: 'array items by their index', value: { ...VALID, list: ['a', 1] }, issues: ['list.1 type'] },
  { name: 'a message that is not a rule code is type', value: { ...VALID, free: 'bad' }, issues: ['free type'], params: [undefined] },
  { name: 'report() on the value itself', value: { ...VALID, custom: 1 }, issues: ['custom scalar'], params: [{ types: 'T' }] },
  { name: 'report() on a path inside the value', value: { ...VALID, custom: 2 }, issues: ['custom.k.0 reserved'], params: [{ attribute: 'amount' }] },
  { name: 'a root issue is named by the default fallback', value: 'x', issues: ['config type'] },
  { name: 'a root issue is named by the given fallback', value: 5, fallback: 'thing', issues: ['thing type'] },
  { name: 'a missing root is required', value: null, fallback: 'thing', issues: ['thing required'] },
  {
    name: 'every broken rule at once, in schema order',
    value: { name: 1, amount: 5, kind: 'c', nested: { text: ';' }, free: 'bad' },
    issues: ['name type', 'amount min', 'kind one-of', 'nested.text no-semicolon', 'free type'],
  },
];

for (const c of zodCases) {
  test(`zodIssues: ${c.name}`, () => {
    const checked = validate(sample, c.value, c.fallback);
    assert.equal(checked.ok, false);
    if (checked.ok) return;
    assert.deepEqual(summary(checked.issues), c.issues);
    if (c.params) assert.deepEqual(checked.issues.map((i) => i.params), c.params);
    for (const i of checked.issues) assert.equal(i.message, issue(i.field, i.rule, i.params).message);
  });
}

test('zodIssues: a missing enum value is required, like any other missing value', () => {
  const checked = validate(z.object({ kind: z.enum(['a', 'b']) }), {});
  assert.equal(checked.ok, false);
  if (!checked.ok) assert.deepEqual(summary(checked.issues), ['kind required']);
});

test('zodIssues on an error parsed without reportInput: a wrong type is still type, not required', () => {
  const parsed = z.safeParse(z.object({ name: z.string() }), { name: 5 });
  assert.equal(parsed.success, false);
  if (!parsed.success) assert.deepEqual(summary(zodIssues(parsed.error)), ['name type']);
});

test('validate(): the parsed value when valid (unknown keys of a strict-less z.object dropped)', () => {
  assert.deepEqual(validate(sample, { ...VALID, extra: 1 }), { ok: true, value: { name: 'n', amount: 30 } });
});

// ── predicates and patterns ────────────────────────────────────────────────

test('isBlank', () => {
  const table: [unknown, boolean][] = [[undefined, true], [null, true], ['', true], [' \t\n', true], ['a', false], [0, false], [false, false], [[], false]];
  for (const [value, expected] of table) assert.equal(isBlank(value), expected, JSON.stringify(value));
});

test('isPlainObject: objects only, not arrays, Maps, Dates or null', () => {
  const table: [unknown, boolean][] = [
    [{}, true],
    [Object.create(null), true],
    [JSON.parse('{"__proto__":1}'), true],
    [[], false],
    [new Map(), false],
    [new Date(0), false],
    [null, false],
    ['{}', false],
  ];
  table.forEach(([value, expected], row) => assert.equal(isPlainObject(value), expected, `row ${row}`));
});

test('isScalar: strings, booleans and finite numbers', () => {
  const table: [unknown, boolean][] = [['', true], [false, true], [0, true], [-1.5, true], [NaN, false], [Infinity, false], [null, false], [undefined, false], [{}, false], [[], false], [1n, false]];
  for (const [value, expected] of table) assert.equal(isScalar(value), expected, String(value));
});

test('isPositiveInteger: safe whole numbers above zero', () => {
  const table: [unknown, boolean][] = [[1, true], [2 ** 53 - 1, true], [2 ** 53, false], [0, false], [-1, false], [1.5, false], ['1', false], [NaN, false]];
  for (const [value, expected] of table) assert.equal(isPositiveInteger(value), expected, String(value));
});

test('webUrl: absolute http(s) only', () => {
  const table: [string, string | null][] = [
    ['https://bank.example/pay?x=1', 'https://bank.example/pay?x=1'],
    ['HTTP://Bank.Example', 'http://bank.example/'],
    ['javascript:alert(1)', null],
    ['  JavaScript:alert(1)', null],
    ['data:text/html,x', null],
    ['ftp://x.example/', null],
    ['/relative', null],
    ['//bank.example/pay', null],
    ['https://', null],
  ];
  for (const [value, expected] of table) assert.equal(webUrl(value)?.href ?? null, expected, value);
});

test('charLength counts characters, not UTF-16 units', () => {
  assert.equal(charLength('abc'), 3);
  assert.equal(charLength('汉字'), 2);
  assert.equal(charLength('😀😀'), 2);
  assert.equal('😀😀'.length, 4);
});

test('patterns', () => {
  const table: [RegExp, string, boolean][] = [
    [POSITIVE_INTEGER, '1', true],
    [POSITIVE_INTEGER, '0', false],
    [POSITIVE_INTEGER, '01', false],
    [INTEGER_LIST, ' 2421 , 2371 ', true],
    [INTEGER_LIST, '2421,', false],
    [INTEGER_LIST, '', false],
    [CURRENCY, 'PHP', true],
    [CURRENCY, 'php', false],
    [EMAIL, 'a@b.example', true],
    [EMAIL, 'a;b@c.example', false],
    [EMAIL, 'a.example', false],
    [PHONE, '1234', true],
    [PHONE, '123', false],
    [PHONE, '1'.repeat(25), false],
    [PHONE, '+639171234567', false],
    [BEST_BEFORE, '2026-12-31T23:59:59+08:00', true],
    [BEST_BEFORE, '2026-12-31', false],
    [BASE64, 'c2ln+/==', true],
    [BASE64, 'AAA===', false],
    [BASE64, 'a b', false],
  ];
  for (const [pattern, value, expected] of table) assert.equal(pattern.test(value), expected, `${pattern} ${value}`);
});

test('isFinalStatus: success and decline only', () => {
  const table: [unknown, boolean][] = [['success', true], ['decline', true], ['processing', false], ['SUCCESS', false], [undefined, false]];
  for (const [value, expected] of table) assert.equal(isFinalStatus(value), expected, String(value));
});

// ── errors.ts ──────────────────────────────────────────────────────────────

test('describeIssues: "<what>: <message>; <message>"', () => {
  assert.equal(describeIssues('Bad', [issue('a', 'required'), issue('b', 'email')]), 'Bad: a is required; b must be an e-mail address');
});

test('EcommpayFailure: code, message, issues, and its event detail', () => {
  const issues = [issue('amount', 'required')];
  const failure = new EcommpayFailure('invalid-config', 'Bad', issues);
  assert.equal(failure.name, 'EcommpayFailure');
  assert.ok(failure instanceof Error);
  assert.deepEqual(failure.toDetail(), { code: 'invalid-config', message: 'Bad', issues });
  assert.deepEqual(new EcommpayFailure('sign-timeout', 'Late').toDetail(), { code: 'sign-timeout', message: 'Late' });
});
