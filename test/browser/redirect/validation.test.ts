/**
 * What ecommpay sends is checked before anything happens: bad data never navigates. The rules are
 * tested in Node (test/node/core/redirect.test.ts); here, the wiring: one case per family, the
 * developer's issues (field, rule, English), the buyer's sentence, and nothing sent.
 */
import { expect, oneEvent } from '@open-wc/testing';
import type { EcommpayErrorDetail } from '../../../src/index.ts';
import { alertText, mountRedirect, pageNavigations, reset, until } from './harness.ts';

const GOOD = { method: 'POST', url: 'https://bank.example/pay', body: { a: '1' } };

/** Mounts with `redirectData` and checks: no navigation, one invalid-redirect naming `field` and `rule`. */
async function expectRefused(redirectData: unknown, field: string, rule: string, attributes: Record<string, string> = {}) {
  const { el, events } = await mountRedirect(attributes, redirectData === undefined ? {} : { redirectData });
  const errors = events.get('ecommpay-error')!;
  if (errors.length === 0) await oneEvent(el, 'ecommpay-error');
  await el.updateComplete;
  expect(pageNavigations, 'no navigation').to.have.length(0);
  expect(events.get('ecommpay-redirect'), 'no ecommpay-redirect').to.have.length(0);
  expect(document.body.querySelector('form'), 'no form in the page').to.equal(null);
  expect(errors).to.have.length(1);
  const detail = errors[0]!.detail as EcommpayErrorDetail;
  expect(detail.code).to.equal('invalid-redirect');
  expect(detail.issues!.some((i) => i.field === field && i.rule === rule), JSON.stringify(detail.issues)).to.equal(true);
  expect(alertText(el)).to.not.contain(field);
  expect(el.plan).to.equal(null);
  return { el, detail };
}

describe('<ecommpay-redirect> refuses bad redirect_data', () => {
  afterEach(reset);

  it('a javascript: URL', () => expectRefused({ ...GOOD, url: 'javascript:void(document.title="pwned")' }, 'url', 'url'));
  it('a host outside allowed-hosts', () =>
    expectRefused({ ...GOOD, url: 'https://evil.example/pay' }, 'url', 'host', { 'allowed-hosts': 'test.ph  payment.qixiqiang.com' }));
  it('method PUT', () => expectRefused({ ...GOOD, method: 'PUT' }, 'method', 'one-of'));
  it('a nested object in the body (never sent as [object Object])', () =>
    expectRefused({ ...GOOD, body: { ok: '1', card: { pan: '4000' } } }, 'body.card', 'scalar'));

  it('redirect-data that is not JSON', async () => {
    const { detail } = await expectRefused(undefined, 'redirect-data', 'type', { 'redirect-data': '{method: GET}' });
    expect(detail.issues![0]!.message).to.equal('redirect-data must be a JSON object');
  });

  it('names every broken field at once, in English for the developer and in Chinese for the buyer with language="zh"', async () => {
    const { el, detail } = await expectRefused({ method: 'DELETE', url: 'ftp://x', body: { a: {} } }, 'method', 'one-of', { language: 'zh' });
    expect(detail.issues!.map((i) => i.field)).to.have.members(['method', 'url', 'body.a']);
    expect(detail.issues!.find((i) => i.field === 'method')!.message).to.equal('method must be one of: GET, POST');
    expect(alertText(el)).to.equal('商户提供的支付信息不完整，无法前往银行页面，请联系商户。');
  });

  it('a GET whose URL with the body passes 1 MiB: invalid-redirect naming url, not a silent blank page', async () => {
    const { el, detail } = await expectRefused({ method: 'GET', url: 'https://bank.example/pay', body: { a: 'x'.repeat(1_048_576) } }, 'url', 'max-length');
    expect(detail.issues![0]!.message).to.equal('url must be at most 1048576 characters');
    expect(alertText(el)).to.contain('Please contact the shop');
  });

  it('accepts a host in allowed-hosts, any case of the method, and ignores encrypted', async () => {
    const { events } = await mountRedirect(
      { 'allowed-hosts': 'Bank.Example' },
      { redirectData: { method: 'get', url: 'https://BANK.example/pay?x=1', body: [], encrypted: ['a', { b: 1 }] } },
    );
    expect(events.get('ecommpay-error')).to.have.length(0);
    // WebKit dispatches the Navigation API's navigate event for location changes a task later.
    await until(() => pageNavigations.length > 0, 'the navigation');
    expect(pageNavigations.map((n) => n.url)).to.deep.equal(['https://bank.example/pay?x=1']);
  });
});
