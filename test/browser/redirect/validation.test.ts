/** What ecommpay sends is checked before anything happens: bad data never navigates and is named field by field. */
import { expect } from '@open-wc/testing';
import { sleep } from '../helpers.ts';
import { alertText, mountRedirect, pageNavigations, reset } from './harness.ts';

const GOOD = { method: 'POST', url: 'https://bank.example/pay', body: { a: '1' } };

/** Mounts with `redirectData`, waits a moment, and checks: no navigation, one invalid-redirect naming `field`. */
async function expectRefused(redirectData: unknown, field: string, rule: string | RegExp, attributes: Record<string, string> = {}) {
  const { el, events } = await mountRedirect(attributes, { redirectData });
  await sleep(50);
  expect(pageNavigations, 'no navigation').to.have.length(0);
  expect(events.get('ecommpay-redirect'), 'no ecommpay-redirect').to.have.length(0);
  expect(el.shadowRoot!.querySelector('form'), 'no form').to.equal(null);
  expect(document.body.querySelector('form'), 'no form in the page').to.equal(null);
  const errors = events.get('ecommpay-error')!;
  expect(errors).to.have.length(1);
  const detail = errors[0]!.detail;
  expect(detail.code).to.equal('invalid-redirect');
  const issue = detail.issues.find((i: { field: string }) => i.field === field);
  expect(issue, `an issue naming ${field} in ${JSON.stringify(detail.issues)}`).to.exist;
  if (typeof rule === 'string') expect(issue.message).to.contain(rule);
  else expect(issue.message).to.match(rule);
  expect(alertText(el)).to.contain(issue.message);
  expect(el.plan).to.equal(null);
  return detail;
}

describe('<ecommpay-redirect> refuses bad redirect_data', () => {
  afterEach(reset);

  it('a javascript: URL', () => expectRefused({ ...GOOD, url: 'javascript:void(document.title="pwned")' }, 'url', 'must be an absolute https: or http: URL'));
  it('a javascript: URL with leading spaces and mixed case', () => expectRefused({ ...GOOD, method: 'GET', url: '  JavaScript:void(document.title="pwned")' }, 'url', 'https: or http:'));
  it('a data: URL', () => expectRefused({ ...GOOD, url: 'data:text/html,<title>pwned</title>' }, 'url', 'https: or http:'));
  it('a blob: URL', () => expectRefused({ ...GOOD, url: `blob:${location.origin}/0c2e6d4e-1111-2222-3333-444455556666` }, 'url', 'https: or http:'));
  it('a file: URL', () => expectRefused({ ...GOOD, url: 'file:///etc/passwd' }, 'url', 'https: or http:'));
  it('a relative URL', () => expectRefused({ ...GOOD, url: '/__test/form?key=relative' }, 'url', 'absolute'));
  it('a protocol-relative URL', () => expectRefused({ ...GOOD, url: '//bank.example/pay' }, 'url', 'absolute'));
  it('a malformed URL', () => expectRefused({ ...GOOD, url: 'https://' }, 'url', 'absolute'));

  it('a host outside allowed-hosts', async () => {
    const detail = await expectRefused({ ...GOOD, url: 'https://evil.example/pay' }, 'url', 'evil.example', {
      'allowed-hosts': 'test.ph  payment.qixiqiang.com',
    });
    expect(detail.issues[0].message).to.equal('url host evil.example is not in allowed-hosts');
  });

  it('a host that only ends like an allowed one', () =>
    expectRefused({ ...GOOD, url: 'https://nottest.ph/pay' }, 'url', 'allowed-hosts', { 'allowed-hosts': 'test.ph' }));

  it('method PUT', () => expectRefused({ ...GOOD, method: 'PUT' }, 'method', 'method must be GET or POST'));
  it('a missing method', () => expectRefused({ url: GOOD.url }, 'method', 'method is required'));
  it('a missing url', () => expectRefused({ method: 'GET', body: {} }, 'url', 'url is required'));

  it('a nested object in the body (never sent as [object Object])', () =>
    expectRefused({ ...GOOD, body: { ok: '1', card: { pan: '4000' } } }, 'body.card', 'body.card must be a string, a number, a boolean or null'));

  it('an array value in the body', () => expectRefused({ ...GOOD, body: { list: ['a', 'b'] } }, 'body.list', 'string, a number'));
  it('a non-empty array as the body', () => expectRefused({ ...GOOD, body: ['a'] }, 'body', 'object of fields'));
  it('a string as the body', () => expectRefused({ ...GOOD, body: 'a=1' }, 'body', 'object of fields'));

  it('redirect-data that is not JSON', async () => {
    const { el, events } = await mountRedirect({ 'redirect-data': '{method: GET}' });
    expect(pageNavigations).to.have.length(0);
    expect(events.get('ecommpay-error')![0]!.detail.issues).to.deep.equal([
      { field: 'redirect-data', message: 'redirect-data must be a JSON object' },
    ]);
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('redirect-data must be a JSON object');
  });

  it('names every broken field at once, in Chinese with language="zh"', async () => {
    const { el, events } = await mountRedirect({ language: 'zh' }, { redirectData: { method: 'DELETE', url: 'ftp://x', body: { a: {} } } });
    expect(pageNavigations).to.have.length(0);
    const issues = events.get('ecommpay-error')![0]!.detail.issues as { field: string; message: string }[];
    expect(issues.map((i) => i.field)).to.have.members(['method', 'url', 'body.a']);
    expect(issues.find((i) => i.field === 'method')!.message).to.equal('method 必须是 GET 或 POST');
    expect(alertText(el)).to.contain('跳转信息有误');
  });

  it('accepts a host in allowed-hosts, any case of the method, and ignores encrypted', async () => {
    const { events } = await mountRedirect(
      { 'allowed-hosts': 'Bank.Example' },
      { redirectData: { method: 'get', url: 'https://BANK.example/pay?x=1', body: [], encrypted: ['a', { b: 1 }] } },
    );
    expect(events.get('ecommpay-error')).to.have.length(0);
    expect(pageNavigations.map((n) => n.url)).to.deep.equal(['https://bank.example/pay?x=1']);
  });
});
