/** What the buyer sees: each state accessible, the manual button, the fallback, the back button, languages. */
import { expect, oneEvent } from '@open-wc/testing';
import { recorded, uniqueKey } from '../helpers.ts';
import { mountRedirect, pageNavigations, part, reset, statusText, until } from './harness.ts';

const bank = (key: string, query = '') => `${location.origin}/__test/form?key=${key}${query}`;
/** The form the element put in the body, as HTML (an assertion failing on a <form> element itself disconnects the runner). */
const bodyForm = () => document.querySelector('body > form')?.outerHTML ?? null;
const script = (key: string, body: unknown) => `/__test/script?key=${key}&step=${encodeURIComponent(JSON.stringify({ body }))}`;

describe('<ecommpay-redirect> presentation', () => {
  afterEach(reset);

  it('waiting for src: a status line, accessible', async () => {
    const { el } = await mountRedirect({ src: script(uniqueKey('w'), { status: 'awaiting 3ds result' }), 'poll-interval': '50' });
    expect(statusText(el)).to.equal('Contacting your bank…');
    expect(part(el, 'status')!.getAttribute('aria-live')).to.equal('polite');
    expect(part(el, 'spinner')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('redirecting: "taking you to your bank", accessible; the fallback link appears after fallback-delay', async () => {
    const url = bank('r', '&x=1');
    const { el } = await mountRedirect({ 'fallback-delay': '100' }, { redirectData: { method: 'GET', url, body: { y: '2' } } });
    expect(statusText(el)).to.equal('Taking you to your bank…');
    expect(part(el, 'fallback')).to.equal(null);
    await expect(el).to.be.accessible();
    await until(() => part(el, 'fallback') !== null, 'the fallback link');
    const link = part(el, 'fallback') as HTMLAnchorElement;
    expect(link.localName).to.equal('a');
    expect(link.href).to.equal(`${url}&y=2`);
    expect(link.target).to.equal('_self');
    expect(link.textContent).to.equal('Not redirected? Continue to your bank');
    await expect(el).to.be.accessible();
  });

  it('new timings while the redirect is under way: no second submit (they apply from the next wait)', async () => {
    const { el, events } = await mountRedirect({}, { redirectData: { method: 'POST', url: bank('t'), body: { a: '1' } } });
    await until(() => pageNavigations.length === 1, 'the submit');
    el.fallbackDelay = '5000';
    el.pollInterval = 250;
    await el.updateComplete;
    expect(pageNavigations).to.have.length(1);
    expect(events.get('ecommpay-redirect')).to.have.length(1);
    expect(events.get('ecommpay-error')).to.have.length(0);
  });

  it('fallback-delay="0": the fallback at once, not a configuration error', async () => {
    const { el, events } = await mountRedirect({ 'fallback-delay': '0' }, { redirectData: { method: 'POST', url: bank('z'), body: { a: '1' } } });
    await until(() => part(el, 'fallback') !== null, 'the fallback button');
    expect(events.get('ecommpay-error')).to.have.length(0);
  });

  it('POST fallback: a button that submits the same form again', async () => {
    const { el } = await mountRedirect({ 'fallback-delay': '50' }, { redirectData: { method: 'POST', url: bank('p'), body: { a: '1' } } });
    await until(() => pageNavigations.length === 1, 'the first submit');
    await until(() => part(el, 'fallback') !== null, 'the fallback button');
    const button = part(el, 'fallback')!;
    expect(button.localName).to.equal('button');
    button.click();
    await until(() => pageNavigations.length === 2, 'the second submit');
    expect(pageNavigations[1]).to.deep.equal({ url: bank('p'), method: 'POST', fields: [['a', '1']] });
    expect(document.querySelectorAll('body > form')).to.have.length(1);
  });

  it('manual: a "continue to your bank" button, nothing happens until it is pressed', async () => {
    const { el, events } = await mountRedirect({ manual: true }, { redirectData: { method: 'GET', url: bank('m'), body: [] } });
    // Without `manual` the element redirects in its first update, which mount awaited: ecommpay-redirect first.
    expect(events.get('ecommpay-redirect')).to.have.length(0);
    expect(pageNavigations).to.have.length(0);
    const button = part(el, 'button')!;
    expect(button.textContent).to.equal('Continue to your bank');
    await expect(el).to.be.accessible();
    button.click();
    expect(events.get('ecommpay-redirect')).to.have.length(1);
    await until(() => pageNavigations.length === 1, 'the navigation');
    expect(pageNavigations[0]!.url).to.equal(bank('m'));
    await el.updateComplete;
    expect(part(el, 'button')).to.equal(null);
    expect(statusText(el)).to.equal('Taking you to your bank…');
  });

  it('ecommpay-redirect is cancelable: preventDefault() keeps the buyer here', async () => {
    const el = document.createElement('ecommpay-redirect');
    el.addEventListener('ecommpay-redirect', (e) => e.preventDefault());
    const redirect = oneEvent(el, 'ecommpay-redirect');
    const host = document.createElement('div');
    host.dataset.testHost = '';
    document.body.append(host);
    el.redirectData = { method: 'POST', url: bank('cancel'), body: { a: '1' } };
    host.append(el);
    expect((await redirect).defaultPrevented).to.equal(true);
    await el.updateComplete;
    // Not cancelled, the element would have put its form in the body (checked below) and submitted it
    // right after the event; the POST navigation itself would only start a task later.
    expect(pageNavigations).to.have.length(0);
    expect(bodyForm()).to.equal(null);
    expect(el.plan).to.deep.equal({ method: 'POST', url: bank('cancel'), fields: [['a', '1']] });
  });

  it('an error: the alert region tells the buyer plainly (no field names), accessible', async () => {
    const { el } = await mountRedirect({}, { redirectData: { method: 'GET', url: 'javascript:void(0)' } });
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent!.trim()).to.equal('You can’t be taken to your bank: the shop sent incomplete payment details. Please contact the shop.');
    await expect(el).to.be.accessible();
  });

  it('a decline: shown as such, accessible', async () => {
    const { el, events } = await mountRedirect({ src: script(uniqueKey('d'), { status: 'decline', code: 20102 }), 'poll-interval': '10' });
    await until(() => events.get('ecommpay-status')!.length > 0, 'the decline');
    await el.updateComplete;
    expect(statusText(el)).to.equal('The payment was declined. Reason: 20102');
    expect(part(el, 'status')!.classList.contains('decline')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('back from the bank (pageshow persisted): no spinner, no second submit, the button instead', async () => {
    const key = uniqueKey('bfcache');
    const { el, events } = await mountRedirect({ 'fallback-delay': '5000' }, { redirectData: { method: 'POST', url: bank(key), body: { a: '1' } } });
    await until(() => pageNavigations.length === 1, 'the submit');
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    await el.updateComplete;
    expect(part(el, 'spinner')).to.equal(null);
    expect(statusText(el)).to.equal('');
    expect(part(el, 'button')!.textContent).to.equal('Continue to your bank');
    expect(bodyForm()).to.equal(null);
    // A second submit would have followed a second ecommpay-redirect at once, in the update awaited above.
    expect(events.get('ecommpay-redirect')).to.have.length(1);
    expect(pageNavigations).to.have.length(1);
    expect(await recorded(key)).to.have.length(0);
    part(el, 'button')!.click();
    await until(() => pageNavigations.length === 2, 'a new submit on request');
  });

  it('a pageshow that is not from the bfcache changes nothing', async () => {
    const { el } = await mountRedirect({}, { redirectData: { method: 'GET', url: bank('fresh') } });
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: false }));
    await el.updateComplete;
    expect(statusText(el)).to.equal('Taking you to your bank…');
  });

  it('Chinese with language="zh"', async () => {
    const { el } = await mountRedirect({ language: 'zh', manual: true }, { redirectData: { method: 'GET', url: bank('zh') } });
    expect(part(el, 'button')!.textContent).to.equal('前往银行页面');
    expect(part(el, 'base')!.getAttribute('lang')).to.equal('zh-CN');
    part(el, 'button')!.click();
    await el.updateComplete;
    expect(statusText(el)).to.equal('正在跳转至您的银行…');
  });
});
