/**
 * Two audiences (DESIGN §1.1): for every failure a checkout can meet, the buyer reads a short
 * sentence in the UI language that says what to do (no attribute names, no minor units, no HTTP
 * statuses, "try again" only where it can help), while `ecommpay-error` tells the developer, in
 * English, with the code; a backend's refusal code reaches the event as the code itself.
 */
import { expect } from '@open-wc/testing';
import type { EcommpayErrorDetail } from '../../../src/index.ts';
import { cleanup, respondUrl, uniqueKey } from '../helpers.ts';
import { alertText, failureOf, mountCheckout, payButton, phAttributes, type Attributes } from './fixtures.ts';

interface Case {
  name: string;
  /** Attributes over a valid Philippine checkout (the UI language is set per row). */
  attrs: (key: string) => Attributes;
  code: string;
  status?: number;
  /** The developer's message. */
  message: RegExp;
  en: string;
  zh: string;
}

const refusal = (status: number, code: string, error: string) => (key: string) => ({ 'sign-url': respondUrl(key, { status, body: { error, code } }) });

const CASES: Case[] = [
  {
    name: 'an invalid configuration',
    attrs: () => ({ amount: '1' }),
    code: 'invalid-config',
    message: /^Invalid configuration: amount must be at least 100 \(₱1\.00\)$/,
    en: 'This payment can’t be started. Please contact the shop.',
    zh: '无法发起此笔支付，请联系商户。',
  },
  {
    name: 'the backend knows no such order',
    attrs: refusal(404, 'unknown-payment', 'unknown payment: A1'),
    code: 'unknown-payment',
    status: 404,
    message: /^The signing endpoint answered HTTP 404 \(unknown-payment\): unknown payment: A1$/,
    en: 'The shop can’t find this order. Please go back to the shop and place your order again.',
    zh: '商户找不到此订单，请返回商店重新下单。',
  },
  {
    name: 'the order is already paid',
    attrs: refusal(409, 'already-paid', 'the payment is already paid: A1'),
    code: 'already-paid',
    status: 409,
    message: /^The signing endpoint answered HTTP 409 \(already-paid\): the payment is already paid: A1$/,
    en: 'This order has already been paid. You don’t need to pay again.',
    zh: '此订单已支付，无需再次付款。',
  },
  {
    name: 'the order’s amount changed and the backend refuses',
    attrs: refusal(409, 'amount-changed', 'the amount of the payment has changed: A1'),
    code: 'amount-changed',
    status: 409,
    message: /^The signing endpoint answered HTTP 409 \(amount-changed\)/,
    en: 'The amount of this order has changed. Please reload the page to see the new amount.',
    zh: '此订单的金额已变更，请刷新页面查看新金额。',
  },
  {
    name: 'the order expired',
    attrs: refusal(410, 'expired', 'the payment has expired: A1'),
    code: 'expired',
    status: 410,
    message: /^The signing endpoint answered HTTP 410 \(expired\)/,
    en: 'This order has expired. Please go back to the shop and place your order again.',
    zh: '此订单已过期，请返回商店重新下单。',
  },
  {
    name: 'the backend failed (5xx): worth another try',
    attrs: (key) => ({ 'sign-url': respondUrl(key, { status: 503, body: { error: 'database down' } }) }),
    code: 'sign-http',
    status: 503,
    message: /^The signing endpoint answered HTTP 503: database down$/,
    en: 'The shop could not prepare this payment. Please try again in a moment.',
    zh: '商户暂时无法处理此笔支付，请稍后重试。',
  },
  {
    name: 'the backend refused (4xx) with no code: trying again cannot help',
    attrs: (key) => ({ 'sign-url': respondUrl(key, { status: 422, body: { error: 'payment_amount must be at least 10000' } }) }),
    code: 'sign-http',
    status: 422,
    message: /^The signing endpoint answered HTTP 422: payment_amount must be at least 10000$/,
    en: 'This payment can’t be started. Please contact the shop.',
    zh: '无法发起此笔支付，请联系商户。',
  },
  {
    name: 'a rate limit (429) passes: worth another try',
    attrs: (key) => ({ 'sign-url': respondUrl(key, { status: 429 }) }),
    code: 'sign-http',
    status: 429,
    message: /^The signing endpoint answered HTTP 429$/,
    en: 'The shop could not prepare this payment. Please try again in a moment.',
    zh: '商户暂时无法处理此笔支付，请稍后重试。',
  },
  {
    name: 'the network failed',
    attrs: () => ({ 'sign-url': 'http://127.0.0.1:9/sign' }),
    code: 'sign-network',
    message: /^The signing endpoint http:\/\/127\.0\.0\.1:9\/sign could not be reached$/,
    en: 'The shop could not be reached. Check your connection and try again.',
    zh: '无法连接商户服务器，请检查网络后重试。',
  },
  {
    name: 'the backend was too slow',
    attrs: (key) => ({ 'sign-timeout': '100', 'sign-url': respondUrl(key, { delay: 2000, body: { signature: 'AAAA' } }) }),
    code: 'sign-timeout',
    message: /^No signature within 100 ms$/,
    en: 'The shop took too long to answer. Please try again.',
    zh: '商户服务器响应超时，请重试。',
  },
  {
    name: 'the backend answered nonsense',
    attrs: (key) => ({ 'sign-url': respondUrl(key, { type: 'text/html', body: '<html>login</html>' }) }),
    code: 'sign-invalid-response',
    message: /^The signing endpoint did not answer with JSON$/,
    en: 'The shop answered with something unexpected. Please contact the shop.',
    zh: '商户服务器返回了无法识别的内容，请联系商户。',
  },
];

/** What a buyer must never read: attribute or parameter names, minor units, HTTP statuses. */
const JARGON = /sign-url|payment_|amount must|minor|HTTP|\b(4|5)\d\d\b|\b100\b|undefined|null|\{|\}/;
const CJK = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;

describe('<ecommpay-checkout>: what the buyer reads and what the developer reads', () => {
  afterEach(cleanup);

  for (const c of CASES) {
    for (const lang of ['en', 'zh'] as const) {
      it(`${c.name} (${lang}): ${c.code}`, async () => {
        const key = uniqueKey(`texts-${c.code}-${lang}`);
        const { el, events } = await mountCheckout({ ...phAttributes, language: lang, ...c.attrs(key) });
        const detail = c.code === 'invalid-config' ? (events.get('ecommpay-error')![0]!.detail as EcommpayErrorDetail) : await failureOf(el);
        await el.updateComplete;
        // The developer: the code, the status when there was one, and English.
        expect(detail.code).to.equal(c.code);
        expect(detail.status).to.equal(c.status);
        expect(detail.message).to.match(c.message);
        expect(detail.message).not.to.match(CJK);
        for (const issue of detail.issues ?? []) {
          expect(issue.message).not.to.match(CJK);
          expect(issue.rule).to.be.a('string');
        }
        // The buyer: one sentence in the UI language, with nothing of the developer's.
        const shown = alertText(el);
        expect(shown).to.equal(c[lang]);
        expect(shown).not.to.match(JARGON);
        if (lang === 'en') expect(shown).not.to.match(CJK);
        // The button is usable again: the buyer can do what the sentence says.
        expect(payButton(el).disabled).to.equal(false);
      });
    }
  }

  it('a custom sign function that rejects with a refusal code: the same code and text', async () => {
    const refusal = Object.assign(new Error('order A1 was paid at 10:02'), { code: 'already-paid' });
    const { el } = await mountCheckout({ ...phAttributes, 'sign-url': null }, { sign: () => Promise.reject(refusal) });
    const detail = await failureOf(el);
    await el.updateComplete;
    expect(detail).to.deep.equal({ code: 'already-paid', message: 'The sign function refused the payment (already-paid): order A1 was paid at 10:02' });
    expect(alertText(el)).to.equal('This order has already been paid. You don’t need to pay again.');
  });

  it('an unknown code in the error answer is a plain sign-http: only the documented codes are read', async () => {
    const key = uniqueKey('texts-unknown-code');
    const { el } = await mountCheckout({ ...phAttributes, 'sign-url': respondUrl(key, { status: 409, body: { error: 'no', code: 'paid' } }) });
    const detail = await failureOf(el);
    expect(detail.code).to.equal('sign-http');
  });
});
