/**
 * `core/frame.ts` and the frame displays' part of `core/payment-page.ts` and `core/launch.ts`: the
 * launch URL with `frame_mode`, every message of the framed Payment Page read into what the element
 * does (or ignored), and the `display` / `frame-timeout` attributes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FRAME_HEIGHT, readFrameMessage, type FrameAction } from '../../../src/core/frame.ts';
import { parseCheckoutConfig, signedParamIssues } from '../../../src/core/launch.ts';
import { frameUrl, launchUrl } from '../../../src/core/payment-page.ts';
import { CUP_CHECKOUT } from '../../fixtures/checkout.ts';
import { issuesOf, summary } from './helpers.ts';

const msg = (message: string, data?: unknown) => JSON.stringify(data === undefined ? { message } : { message, data });

// ── frame_mode ─────────────────────────────────────────────────────────────

test('frameUrl appends frame_mode after the signature, leaving the signed query byte for byte', () => {
  const url = launchUrl('https://paymentpage.ecommpay.com', { project_id: 581, payment_description: 'a b&c=d' }, 'sig+/=');
  assert.equal(frameUrl(url, 'modal'), `${url}&frame_mode=popup`);
  assert.equal(frameUrl(url, 'iframe'), `${url}&frame_mode=iframe`);
});

// ── messages read ──────────────────────────────────────────────────────────

const read: { name: string; data: unknown; action: FrameAction }[] = [
  { name: 'epframe.loaded (JSON text)', data: msg('epframe.loaded'), action: { kind: 'loaded' } },
  { name: 'epframe.loaded (an object, as structured clone delivers it)', data: { message: 'epframe.loaded', data: {} }, action: { kind: 'loaded' } },
  { name: 'epframe.loaded with a guid', data: JSON.stringify({ message: 'epframe.loaded', data: {}, guid: 'x1' }), action: { kind: 'loaded' } },
  { name: 'epframe.resize', data: msg('epframe.resize', { width: 480, height: 612 }), action: { kind: 'resize', height: 612 } },
  { name: 'epframe.resize with a fractional height', data: msg('epframe.resize', { height: 612.6 }), action: { kind: 'resize', height: 613 } },
  { name: 'epframe.resize with the height as text', data: msg('epframe.resize', { height: '700' }), action: { kind: 'resize', height: 700 } },
  { name: 'epframe.resize too tall: capped', data: msg('epframe.resize', { height: 1e9 }), action: { kind: 'resize', height: FRAME_HEIGHT.max } },
  { name: 'epframe.resize too short: raised', data: msg('epframe.resize', { height: 3 }), action: { kind: 'resize', height: FRAME_HEIGHT.min } },
  { name: 'epframe.payment.sent', data: msg('epframe.payment.sent'), action: { kind: 'payment', status: 'sent', data: {} } },
  {
    name: 'epframe.payment.success with its data',
    data: msg('epframe.payment.success', { payment: { id: 'p1', result_message: 'OK' } }),
    action: { kind: 'payment', status: 'success', data: { payment: { id: 'p1', result_message: 'OK' } } },
  },
  { name: 'epframe.payment.fail', data: msg('epframe.payment.fail', { payment: { id: 'p1' } }), action: { kind: 'payment', status: 'fail', data: { payment: { id: 'p1' } } } },
  { name: 'epframe.payment.canceled', data: msg('epframe.payment.canceled'), action: { kind: 'payment', status: 'canceled', data: {} } },
  { name: 'epframe.payment.try_again', data: msg('epframe.payment.try_again'), action: { kind: 'payment', status: 'try-again', data: {} } },
  { name: 'epframe.payment.* with data that is not an object', data: msg('epframe.payment.success', 'done'), action: { kind: 'payment', status: 'success', data: {} } },
  {
    name: 'epframe.payment.* with a __proto__ key: kept as data, nothing polluted',
    data: '{"message":"epframe.payment.success","data":{"__proto__":{"polluted":true}}}',
    action: { kind: 'payment', status: 'success', data: JSON.parse('{"__proto__":{"polluted":true}}') as Record<string, unknown> },
  },
  {
    name: 'epframe.redirect to a plain http: bank (as a CUP provider in the sources)',
    data: msg('epframe.redirect', { url: 'http://payment.qixiqiang.com/gateway' }),
    action: { kind: 'navigate', message: 'epframe.redirect', plan: { ok: true, value: { method: 'GET', url: 'http://payment.qixiqiang.com/gateway', fields: [] } } },
  },
  { name: 'epframe.exit', data: msg('epframe.exit'), action: { kind: 'close' } },
  { name: 'epframe.destroy', data: msg('epframe.destroy'), action: { kind: 'close' } },
  {
    name: 'epframe.redirect',
    data: msg('epframe.redirect', { url: 'https://bank.example/pay?t=1' }),
    action: { kind: 'navigate', message: 'epframe.redirect', plan: { ok: true, value: { method: 'GET', url: 'https://bank.example/pay?t=1', fields: [] } } },
  },
  {
    name: 'epframe.acs_parent_page_redirect_run (POST, UTF-8 fields)',
    data: msg('epframe.acs_parent_page_redirect_run', { method: 'POST', url: 'https://acs.example/3ds', body: { PaReq: 'a+b/c=', TermUrl: 'https://pp.example/t', 商品: '丝巾' } }),
    action: {
      kind: 'navigate',
      message: 'epframe.acs_parent_page_redirect_run',
      plan: { ok: true, value: { method: 'POST', url: 'https://acs.example/3ds', fields: [['PaReq', 'a+b/c='], ['TermUrl', 'https://pp.example/t'], ['商品', '丝巾']] } },
    },
  },
  {
    name: 'epframe.acs_parent_page_redirect_run (GET: the body merged into the query)',
    data: msg('epframe.acs_parent_page_redirect_run', { method: 'GET', url: 'https://acs.example/3ds?x=1', body: { y: '2' } }),
    action: { kind: 'navigate', message: 'epframe.acs_parent_page_redirect_run', plan: { ok: true, value: { method: 'GET', url: 'https://acs.example/3ds?x=1&y=2', fields: [['y', '2']] } } },
  },
];

for (const { name, data, action } of read) {
  test(`read: ${name}`, () => {
    assert.deepEqual(readFrameMessage(data), action);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
}

// ── ignored ────────────────────────────────────────────────────────────────

const ignored: { name: string; data: unknown }[] = [
  { name: 'not JSON', data: '{"message":"epframe.payment.success"' },
  { name: 'a JSON string', data: JSON.stringify('epframe.loaded') },
  { name: 'a JSON array', data: JSON.stringify([{ message: 'epframe.loaded' }]) },
  { name: 'null', data: null },
  { name: 'a number', data: 42 },
  { name: 'an object without message', data: { data: { height: 100 } } },
  { name: 'message not a string', data: { message: ['epframe.loaded'] } },
  { name: 'an unknown message', data: msg('epframe.hello') },
  { name: 'a message of another protocol', data: msg('ec.ready') },
  { name: 'a styling message we leave alone', data: msg('epframe.add_css_class', { class: 'x' }) },
  { name: 'epframe.enter_key_pressed', data: msg('epframe.enter_key_pressed') },
  { name: 'epframe.redirect_iframe', data: msg('epframe.redirect_iframe', { url: 'https://bank.example/' }) },
  { name: 'an unknown payment step', data: msg('epframe.payment.refunded') },
  { name: 'a payment step named like an Object property', data: msg('epframe.payment.constructor') },
  { name: 'a payment step with a dot', data: msg('epframe.payment.success.extra') },
  { name: 'epframe.resize without a height', data: msg('epframe.resize', { width: 400 }) },
  { name: 'epframe.resize with a negative height', data: msg('epframe.resize', { height: -50 }) },
  { name: 'epframe.resize with a zero height', data: msg('epframe.resize', { height: 0 }) },
  { name: 'epframe.resize with NaN as text', data: msg('epframe.resize', { height: 'tall' }) },
  { name: 'epframe.resize with an empty height', data: msg('epframe.resize', { height: '' }) },
  { name: 'epframe.resize with Infinity', data: { message: 'epframe.resize', data: { height: Infinity } } },
  { name: 'epframe.resize with a height object', data: msg('epframe.resize', { height: { valueOf: 1 } }) },
];

for (const { name, data } of ignored) {
  test(`ignored: ${name}`, () => {
    assert.equal(readFrameMessage(data), null);
  });
}

// ── where the Payment Page may send the page: the redirect plan's rules ────

const refused: { name: string; data: unknown; allowedHosts?: string[]; issues: string[] }[] = [
  { name: 'epframe.redirect to javascript:', data: msg('epframe.redirect', { url: 'javascript:alert(document.domain)' }), issues: ['url url'] },
  { name: 'epframe.redirect to data:', data: msg('epframe.redirect', { url: 'data:text/html,<script>alert(1)</script>' }), issues: ['url url'] },
  { name: 'epframe.redirect to a relative URL', data: msg('epframe.redirect', { url: '/checkout?paid=1' }), issues: ['url url'] },
  { name: 'epframe.redirect without a URL', data: msg('epframe.redirect', {}), issues: ['url required'] },
  { name: 'epframe.redirect without data', data: msg('epframe.redirect'), issues: ['url required'] },
  {
    name: 'epframe.redirect to a host outside allowed-hosts',
    data: msg('epframe.redirect', { url: 'https://evil.example/pay' }),
    allowedHosts: ['bank.example'],
    issues: ['url host'],
  },
  {
    name: 'epframe.redirect disguising its host with credentials',
    data: msg('epframe.redirect', { url: 'https://bank.example@evil.example/pay' }),
    allowedHosts: ['bank.example'],
    issues: ['url host'],
  },
  { name: 'ACS redirect with method PUT', data: msg('epframe.acs_parent_page_redirect_run', { method: 'PUT', url: 'https://acs.example/' }), issues: ['method one-of'] },
  { name: 'ACS redirect to javascript:', data: msg('epframe.acs_parent_page_redirect_run', { method: 'POST', url: 'javascript:alert(1)' }), issues: ['url url'] },
  {
    name: 'ACS redirect with a nested body field',
    data: msg('epframe.acs_parent_page_redirect_run', { method: 'POST', url: 'https://acs.example/', body: { a: { b: 1 } } }),
    issues: ['body.a scalar'],
  },
  {
    name: 'ACS redirect to a host outside allowed-hosts',
    data: msg('epframe.acs_parent_page_redirect_run', { method: 'POST', url: 'https://acs.evil.example/', body: {} }),
    allowedHosts: ['acs.example'],
    issues: ['url host'],
  },
];

for (const { name, data, allowedHosts, issues } of refused) {
  test(`refused: ${name}`, () => {
    const action = readFrameMessage(data, { allowedHosts });
    assert.equal(action?.kind, 'navigate');
    assert.deepEqual(summary(issuesOf((action as Extract<FrameAction, { kind: 'navigate' }>).plan)), issues);
  });
}

test('allowed-hosts lets an allowed bank through', () => {
  const action = readFrameMessage(msg('epframe.redirect', { url: 'https://bank.example/pay' }), { allowedHosts: ['bank.example'] });
  assert.deepEqual(action, { kind: 'navigate', message: 'epframe.redirect', plan: { ok: true, value: { method: 'GET', url: 'https://bank.example/pay', fields: [] } } });
});

// ── display and frame-timeout ──────────────────────────────────────────────

test('display defaults to redirect; modal and iframe are accepted; frame-timeout defaults to 5000 ms', () => {
  const config = (extra: Record<string, unknown>) => {
    const parsed = parseCheckoutConfig({ ...CUP_CHECKOUT, ...extra });
    assert.ok(parsed.ok, JSON.stringify(parsed));
    return parsed.value;
  };
  assert.deepEqual([config({}).display, config({}).frameTimeout], ['redirect', 5000]);
  assert.equal(config({ display: 'modal' }).display, 'modal');
  assert.equal(config({ display: 'iframe', 'frame-timeout': '12000' }).frameTimeout, 12000);
  // Never a parameter: what is signed does not change with the display.
  assert.deepEqual(config({ display: 'modal' }).params, config({}).params);
});

const badDisplay: { name: string; input: Record<string, unknown>; issues: string[] }[] = [
  { name: 'display="popup" (ecommpay’s frame_mode, not ours)', input: { display: 'popup' }, issues: ['display one-of'] },
  { name: 'display="Modal"', input: { display: 'Modal' }, issues: ['display one-of'] },
  { name: 'display=""', input: { display: '' }, issues: ['display one-of'] },
  { name: 'frame-timeout="0"', input: { 'frame-timeout': '0' }, issues: ['frame-timeout positive-integer'] },
  { name: 'frame-timeout="5s"', input: { 'frame-timeout': '5s' }, issues: ['frame-timeout positive-integer'] },
  { name: 'frame-timeout beyond what a timer can wait', input: { 'frame-timeout': '2147483648' }, issues: ['frame-timeout max'] },
  { name: 'frame_mode through extraParams', input: { extraParams: { frame_mode: 'iframe' } }, issues: ['extraParams.frame_mode reserved'] },
];

for (const { name, input, issues } of badDisplay) {
  test(`refused: ${name}`, () => {
    assert.deepEqual(summary(issuesOf(parseCheckoutConfig({ ...CUP_CHECKOUT, ...input }))), issues);
  });
}

test('the frame_mode refusal names the attribute to use', () => {
  const [found] = issuesOf(parseCheckoutConfig({ ...CUP_CHECKOUT, extraParams: { frame_mode: 'iframe' } }));
  assert.equal(found!.message, 'extraParams.frame_mode is set through the display attribute, not extraParams');
});

test('a backend that signs frame_mode is refused: the display adds it after signing', () => {
  const parsed = parseCheckoutConfig({ ...CUP_CHECKOUT, display: 'modal' });
  assert.ok(parsed.ok);
  assert.deepEqual(summary(signedParamIssues(parsed.value, { ...parsed.value.params, frame_mode: 'popup' })), ['frame_mode reserved']);
  assert.deepEqual(signedParamIssues(parsed.value, parsed.value.params), []);
});
