/**
 * Chinese that reads as Chinese (issue 14): every Chinese text of every element, with sample
 * values where a text takes some, uses full-width punctuation and no Latin space beside it or
 * between two characters. Table-driven over the dictionaries themselves, so a new text is checked
 * the day it is written.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IssueRule } from '../../src/core/errors.ts';
import { bankSelectMessages } from '../../src/i18n/bank-select.ts';
import { checkoutMessages } from '../../src/i18n/checkout.ts';
import { frameMessages } from '../../src/i18n/frame.ts';
import { payoutMessages } from '../../src/i18n/payout.ts';
import { redirectMessages } from '../../src/i18n/redirect.ts';
import { uiLang } from '../../src/i18n/index.ts';

const RULES: IssueRule[] = ['required', 'type', 'integer', 'positive-integer', 'min', 'max', 'one-of', 'max-length', 'no-semicolon', 'currency', 'only-value', 'only-for-method', 'email', 'url', 'digits', 'pattern', 'chinese', 'luhn', 'integer-list', 'reserved', 'scalar', 'not-in-list', 'host', 'unreachable', 'answer', 'url-length'];
const MONEY = '¥49,999.00';

/** Every string of a dictionary: functions called with sample values (a CJK label, money, counts). */
function texts(dictionary: object, path = ''): [string, string][] {
  const found: [string, string][] = [];
  for (const [key, value] of Object.entries(dictionary)) {
    const at = path ? `${path}.${key}` : key;
    if (typeof value === 'string') found.push([at, value]);
    else if (typeof value === 'function') {
      if (key === 'issue') {
        for (const rule of RULES) {
          found.push([`${at}(${rule})`, value(rule, '金额（CNY）', { limit: MONEY, min: 16, max: 19, example: '1000.00' })]);
          found.push([`${at}(${rule}, plain label)`, value(rule, '银行卡号', { limit: MONEY, min: 16, max: 16, example: '8613800138000' })]);
        }
      } else found.push([`${at}(…)`, String(value(MONEY, MONEY))], [`${at}(3)`, String(value(3, 3))]);
    } else if (value && typeof value === 'object') found.push(...texts(value, at));
  }
  return found;
}

const HAN = '\\u3400-\\u9fff';
const PUNCT = '\\u3000-\\u303f\\uff00-\\uffef“”‘’…—';
const CHECKS: [name: string, pattern: RegExp][] = [
  ['a space beside Chinese punctuation', new RegExp(`\\s[${PUNCT}]|[${PUNCT}]\\s`)],
  ['Latin punctuation after a Chinese character', new RegExp(`[${HAN}][,.:;!?()]`)],
  ['Latin punctuation before a Chinese character', new RegExp(`[,.:;!?()][${HAN}]`)],
  ['a space between two Chinese characters', new RegExp(`[${HAN}]\\s+[${HAN}]`)],
];

const DICTIONARIES = { checkout: checkoutMessages.zh, redirect: redirectMessages.zh, frame: frameMessages.zh, bankSelect: bankSelectMessages.zh, payout: payoutMessages.zh };

for (const [name, dictionary] of Object.entries(DICTIONARIES)) {
  test(`zh ${name}: full-width punctuation, no Latin spaces beside it or between characters`, () => {
    const broken: string[] = [];
    for (const [at, text] of texts(dictionary)) {
      // “;” names the character itself: what is quoted is the subject, not punctuation.
      const checked = text.replace(/“[^”]*”/g, '“x”');
      for (const [what, pattern] of CHECKS) if (pattern.test(checked)) broken.push(`${at}: ${what}: ${JSON.stringify(text)}`);
    }
    assert.deepEqual(broken, []);
  });
}

test('the sample covers every text: each dictionary gives some, the payout rules all', () => {
  for (const [name, dictionary] of Object.entries(DICTIONARIES)) assert.ok(texts(dictionary).length > 5, name);
  assert.equal(texts(payoutMessages.zh).filter(([at]) => at.startsWith('issue(')).length, RULES.length * 2);
});

/** `language` values and the UI language each gives (fallback `en`): only the primary subtag counts. */
const UI_LANGUAGES: [unknown, 'en' | 'zh'][] = [
  ['zh', 'zh'],
  ['zh-CN', 'zh'],
  ['ZH_cn', 'zh'],
  ['en-PH', 'en'],
  ['zhx', 'en'],
  ['zh'.padEnd(9, 'x'), 'en'],
  ['fr', 'en'],
  ['', 'en'],
  [null, 'en'],
  [42, 'en'],
  // The fuzz test's 100 kB tag: still zh, and read no further than its first subtag.
  [`zh${'-h'.repeat(50_000)}`, 'zh'],
  [`${'x'.repeat(100_000)}-zh`, 'en'],
];

for (const [language, expected] of UI_LANGUAGES) {
  test(`uiLang(${JSON.stringify(language)?.slice(0, 24)}) is ${expected}`, () => {
    assert.equal(uiLang(language, 'en'), expected);
  });
}
