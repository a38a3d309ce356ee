/**
 * `display="modal"` and `display="iframe"`: the Payment Page in a frame on the page, with messages
 * read only from the Payment Page's origin and from the element's own frame. The Payment Page is a
 * puppet (test/helpers/endpoints.mjs) served on the other loopback name, so it is another origin:
 * the test page on `localhost` talks to a Payment Page on `127.0.0.1` (or the other way round).
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { EcommpayCheckout, EcommpayErrorDetail } from '../../../src/index.ts';
import type { CloseDetail, PaymentDetail } from '../../../src/elements/checkout/events.ts';
import type { LaunchDetail, RedirectDetail } from '../../../src/index.ts';
import { pageNavigations } from '../redirect/harness.ts';
import { cleanup, emulateUserAgent, mount, recorded, respondUrl, uniqueKey, watchFetches } from '../helpers.ts';
import { cupAttributes, payButton, phAttributes, type Attributes } from './fixtures.ts';

const PP_ORIGIN = `http://${location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1'}:${location.port}`;
const PP = `${PP_ORIGIN}/__test/pp`;
const EVENTS = ['ecommpay-launch', 'ecommpay-error', 'ecommpay-payment', 'ecommpay-close', 'ecommpay-redirect'];

/** Waits for a condition the frame brings about (a cross-origin page loading can take a while on a busy machine). */
const until = (predicate: () => unknown, message?: string) => waitUntil(predicate, message, { timeout: 8000 });

const msg = (message: string, data?: unknown) => JSON.stringify(data === undefined ? { message } : { message, data });

interface Opened {
  el: EcommpayCheckout;
  events: Map<string, CustomEvent[]>;
  key: string;
  launch: LaunchDetail;
}

const shadow = (el: EcommpayCheckout) => el.shadowRoot!;
const frameOf = (el: EcommpayCheckout) => shadow(el).querySelector('iframe');
const dialogOf = (el: EcommpayCheckout) => shadow(el).querySelector('dialog');
const shown = (el: EcommpayCheckout) => !!frameOf(el)?.classList.contains('shown');
const details = <T>(events: Map<string, CustomEvent[]>, type: string) => events.get(type)!.map((e) => e.detail as T);

/** Mounts a checkout whose Payment Page is the puppet, clicks pay, and waits for the frame (shown, unless `quiet`). */
async function open(attributes: Attributes = {}, extra: Record<string, string> = {}, { wait = true } = {}): Promise<Opened> {
  const key = uniqueKey('frame');
  const { el, events } = await mount<EcommpayCheckout>(
    'ecommpay-checkout',
    { ...cupAttributes, display: 'modal', ...attributes, 'payment-page-url': PP, 'sign-url': respondUrl(key, { body: { signature: 'c2lnbmF0dXJl' } }) },
    { extraParams: { pp_key: `${key}-pp`, ...extra } },
    EVENTS,
  );
  const launched = oneEvent(el, 'ecommpay-launch');
  payButton(el).click();
  const launch = (await launched).detail as LaunchDetail;
  await until(() => frameOf(el), 'the frame never opened');
  if (wait) await until(() => shown(el), 'the Payment Page never said epframe.loaded');
  return { el, events, key, launch };
}

/** Has the puppet Payment Page post `data` to its parent (the test page). */
function puppetPosts(el: EcommpayCheckout, data: unknown): void {
  frameOf(el)!.contentWindow!.postMessage({ puppet: 'post', data }, PP_ORIGIN);
}

/** Every message the test page receives from now on (this listener runs after the element's). */
function watchMessages(): { seen: MessageEvent[]; arrives(test: (e: MessageEvent) => boolean): Promise<MessageEvent> } {
  const seen: MessageEvent[] = [];
  const waiting: { test: (e: MessageEvent) => boolean; resolve: (e: MessageEvent) => void }[] = [];
  const listener = (event: MessageEvent) => {
    seen.push(event);
    for (const w of waiting.filter((w) => w.test(event))) {
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve(event);
    }
  };
  window.addEventListener('message', listener);
  listeners.push(() => window.removeEventListener('message', listener));
  return {
    seen,
    arrives: (test) => {
      const found = seen.find(test);
      return found ? Promise.resolve(found) : new Promise((resolve) => waiting.push({ test, resolve }));
    },
  };
}
const listeners: (() => void)[] = [];

/** What the puppet received (its answer comes back as a message to the test page). */
async function puppetReceived(frame: HTMLIFrameElement, origin: string): Promise<{ data: unknown; origin: string }[]> {
  const messages = watchMessages();
  frame.contentWindow!.postMessage({ puppet: 'received' }, origin);
  const answer = await messages.arrives((e) => e.source === frame.contentWindow && typeof e.data === 'object' && !!e.data?.puppetReceived);
  return answer.data.puppetReceived;
}

afterEach(() => {
  for (const stop of listeners.splice(0)) stop();
  pageNavigations.length = 0;
  cleanup();
  document.querySelectorAll('body > form[hidden]').forEach((f) => f.remove());
});

/** Escape, on this page: another test page may be in front, and Chromium sends keys to that one. */
async function pressEscape(): Promise<void> {
  await executeServerCommand('bring-to-front');
  await sendKeys({ press: 'Escape' });
}

describe('<ecommpay-checkout display="modal">', () => {
  it('signs without frame_mode, then opens the page with frame_mode=popup in a modal dialog', async () => {
    const { el, key, launch } = await open();
    const [sign] = await recorded(key);
    const signed = (JSON.parse(sign!.body) as { params: Record<string, unknown> }).params;
    expect(Object.keys(signed)).not.to.include('frame_mode');
    expect(launch.display).to.equal('modal');
    expect(launch.url.startsWith(`${PP}/payment?`)).to.equal(true);
    expect(launch.url.endsWith(`&signature=${encodeURIComponent('c2lnbmF0dXJl')}&frame_mode=popup`)).to.equal(true);
    expect(new URL(launch.url).searchParams.get('frame_mode')).to.equal('popup');
    expect(launch.params).not.to.have.property('frame_mode');
    const dialog = dialogOf(el)!;
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(frameOf(el)!.src).to.equal(launch.url);
  });

  it('is labelled, takes focus, and returns it to the pay button when closed with its close button', async () => {
    const { el, events } = await open();
    const dialog = dialogOf(el)!;
    const title = shadow(el).getElementById(dialog.getAttribute('aria-labelledby')!)!;
    expect(title.textContent).to.equal('安全支付');
    expect(dialog.contains(shadow(el).activeElement)).to.equal(true);
    const close = shadow(el).querySelector<HTMLButtonElement>('[part="close"]')!;
    expect(close.getAttribute('aria-label')).to.equal('关闭支付页面');
    const closed = oneEvent(el, 'ecommpay-close');
    close.click();
    expect(((await closed).detail as CloseDetail).reason).to.equal('buyer');
    expect(dialogOf(el)).to.equal(null);
    await el.updateComplete;
    await until(() => shadow(el).activeElement === payButton(el), 'focus did not return to the pay button');
    expect(details(events, 'ecommpay-close')).to.deep.equal([{ reason: 'buyer' }]);
  });

  it('Escape closes it (reason buyer)', async () => {
    const { el } = await open();
    const closed = oneEvent(el, 'ecommpay-close');
    await pressEscape();
    expect(((await closed).detail as CloseDetail).reason).to.equal('buyer');
    expect(dialogOf(el)).to.equal(null);
  });

  it('locks the page behind it from scrolling, and gives the scroll back on close', async () => {
    document.documentElement.style.overflow = 'clip';
    try {
      const { el } = await open();
      expect(getComputedStyle(document.documentElement).overflow).to.equal('hidden');
      const closed = oneEvent(el, 'ecommpay-close');
      shadow(el).querySelector<HTMLButtonElement>('[part="close"]')!.click();
      await closed;
      expect(document.documentElement.style.overflow).to.equal('clip');
    } finally {
      document.documentElement.style.overflow = '';
    }
  });

  it('a backdrop click closes it only with close-on-backdrop', async () => {
    const kept = await open();
    await sendMouse({ type: 'click', position: [4, 4] });
    await kept.el.updateComplete;
    expect(dialogOf(kept.el)?.open).to.equal(true);
    // A click inside the dialog never closes it.
    shadow(kept.el).querySelector<HTMLElement>('.frame-title')!.click();
    expect(dialogOf(kept.el)?.open).to.equal(true);
    cleanup();

    const { el } = await open({ 'close-on-backdrop': true });
    const closed = oneEvent(el, 'ecommpay-close');
    await sendMouse({ type: 'click', position: [4, 4] });
    expect(((await closed).detail as CloseDetail).reason).to.equal('buyer');
    expect(kept.events.get('ecommpay-close')).to.have.length(0);
  });

  it('is accessible while open', async () => {
    const { el } = await open({ ...phAttributes, language: 'en' });
    await expect(el).to.be.accessible();
  });

  it('one click, one signing request: pay() does nothing while the frame is open', async () => {
    const { el, key } = await open();
    const signs = watchFetches(el.signUrl!);
    await el.pay();
    await el.pay();
    expect(signs.count).to.equal(0);
    expect(await recorded(key)).to.have.length(1);
  });

  it('closed, it opens again on the next click, with a new signature', async () => {
    const { el, key } = await open();
    shadow(el).querySelector<HTMLButtonElement>('[part="close"]')!.click();
    await el.updateComplete;
    payButton(el).click();
    await until(() => shown(el), 'the second frame never showed');
    expect(dialogOf(el)!.open).to.equal(true);
    expect((await recorded(key)).length).to.equal(2);
  });

  it('a dialog closed by the browser before its close event (Escape) while the page updates: scrolling comes back', async () => {
    const { el } = await open();
    const closed = oneEvent(el, 'ecommpay-close');
    dialogOf(el)!.close();
    el.requestUpdate();
    await el.updateComplete;
    await closed;
    expect(document.documentElement.style.overflow).to.equal('');
    expect(dialogOf(el)).to.equal(null);
  });

  it('Escape: focus back on the pay button, scrolling back', async () => {
    const { el } = await open();
    const closed = oneEvent(el, 'ecommpay-close');
    await pressEscape();
    await closed;
    await until(() => shadow(el).activeElement === payButton(el), 'focus did not return to the pay button');
    expect(document.documentElement.style.overflow).to.equal('');
  });

  it('removed from the page while open: scrolling back, nothing heard any more, no event', async () => {
    const { el, events } = await open();
    const frame = frameOf(el)!;
    const host = el.parentElement!;
    el.remove();
    expect(document.documentElement.style.overflow).to.equal('');
    host.append(el);
    await el.updateComplete;
    expect(frameOf(el)).to.equal(null);
    expect(events.get('ecommpay-close')).to.have.length(0);
    // The old frame's window is gone with it; a message posted now from the page's point of view reaches nobody.
    expect(frame.isConnected).to.equal(false);
  });

  it('back from the bank (bfcache): the frame is closed and the pay button usable', async () => {
    const { el } = await open();
    const closed = oneEvent(el, 'ecommpay-close');
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    await closed;
    await el.updateComplete;
    expect(dialogOf(el)).to.equal(null);
    expect(payButton(el).disabled).to.equal(false);
    expect(document.documentElement.style.overflow).to.equal('');
  });

  it('attributes changed while the frame is open wait for it to close: no error behind the dialog', async () => {
    const { el, events } = await open();
    el.setAttribute('amount', '1');
    await el.updateComplete;
    expect(events.get('ecommpay-error')).to.have.length(0);
    const invalid = oneEvent(el, 'ecommpay-error');
    shadow(el).querySelector<HTMLButtonElement>('[part="close"]')!.click();
    expect(((await invalid).detail as EcommpayErrorDetail).code).to.equal('invalid-config');
  });
});

describe('<ecommpay-checkout display="modal"> with a tall Payment Page', () => {
  it('keeps its heading and close button in view: the frame scrolls, not the dialog', async () => {
    const { el } = await open();
    puppetPosts(el, msg('epframe.resize', { height: 3000 }));
    await until(() => frameOf(el)!.style.getPropertyValue('--ecommpay-frame-height') === '3000px');
    const dialog = dialogOf(el)!;
    expect(dialog.scrollHeight).to.be.at.most(dialog.clientHeight);
    const close = shadow(el).querySelector('[part="close"]')!.getBoundingClientRect();
    expect(close.top).to.be.at.least(0);
    expect(close.bottom).to.be.at.most(innerHeight);
    expect(frameOf(el)!.getBoundingClientRect().height).to.be.below(innerHeight);
  });
});

describe('<ecommpay-checkout display="iframe">', () => {
  it('shows the page inline with frame_mode=iframe in place of the pay button; nothing to see until epframe.loaded', async () => {
    const messages = watchMessages();
    const { el, launch } = await open({ display: 'iframe' }, { pp_quiet: 'always' }, { wait: false });
    // The pay button that had focus is gone: the frame's heading takes it.
    expect(shadow(el).activeElement).to.equal(shadow(el).querySelector('.frame-title'));
    await messages.arrives((e) => e.source === frameOf(el)!.contentWindow && e.data?.puppetReady === true);
    expect(launch.display).to.equal('iframe');
    expect(new URL(launch.url).searchParams.get('frame_mode')).to.equal('iframe');
    expect(dialogOf(el)).to.equal(null);
    expect(shadow(el).querySelector('[part="frame"]')).to.not.equal(null);
    expect(shadow(el).querySelector('[part="button"]')).to.equal(null);
    expect(frameOf(el)!.getBoundingClientRect().height).to.equal(0);
    expect(shadow(el).querySelector('[role="status"]')!.textContent).to.contain('正在加载支付页面');
    puppetPosts(el, msg('epframe.loaded'));
    await until(() => shown(el));
    expect(frameOf(el)!.getBoundingClientRect().height).to.be.greaterThan(100);
    expect(shadow(el).querySelector('[role="status"]')!.textContent!.trim()).to.equal('');
  });

  it('opened below the fold, it is brought into view once the Payment Page has loaded', async () => {
    // Page above and below, so that the frame can be scrolled to the top of the window.
    const [above, below] = [document.createElement('div'), document.createElement('div')];
    for (const spacer of [above, below]) spacer.style.height = `${2 * innerHeight}px`;
    document.body.prepend(above);
    listeners.push(() => (above.remove(), below.remove()));
    const messages = watchMessages();
    const { el } = await open({ display: 'iframe' }, { pp_quiet: 'always' }, { wait: false });
    await messages.arrives((e) => e.source === frameOf(el)!.contentWindow && e.data?.puppetReady === true);
    document.body.append(below);
    const section = shadow(el).querySelector('section')!;
    // Focus took the heading just into view; the frame below it is still out of sight.
    expect(section.getBoundingClientRect().top).to.be.above(innerHeight / 2);
    puppetPosts(el, msg('epframe.loaded'));
    await until(() => Math.abs(section.getBoundingClientRect().top) < 2, `the frame's top is at ${section.getBoundingClientRect().top}`);
    scrollTo(0, 0);
  });

  it('follows epframe.resize, within bounds', async () => {
    const { el } = await open({ display: 'iframe' });
    const height = () => frameOf(el)!.getBoundingClientRect().height;
    for (const [asked, expected] of [
      [432, 432],
      [1e7, 5000],
      [2, 120],
    ] as const) {
      puppetPosts(el, msg('epframe.resize', { width: 400, height: asked }));
      await until(() => height() === expected, `resize ${asked}: height ${height()}, expected ${expected}`);
    }
  });

  it('epframe.exit and epframe.destroy close it (reason payment-page) and bring the pay button back', async () => {
    for (const message of ['epframe.exit', 'epframe.destroy']) {
      const { el } = await open({ display: 'iframe' });
      const closed = oneEvent(el, 'ecommpay-close');
      puppetPosts(el, msg(message));
      expect(((await closed).detail as CloseDetail).reason).to.equal('payment-page');
      await el.updateComplete;
      expect(frameOf(el)).to.equal(null);
      expect(payButton(el).disabled).to.equal(false);
      cleanup();
    }
  });

  it('is accessible while open', async () => {
    const { el } = await open({ ...phAttributes, display: 'iframe', language: 'en' });
    await expect(el).to.be.accessible();
  });
});

describe('messages from the framed Payment Page', () => {
  it('epframe.payment.* → ecommpay-payment with the status and data (JSON text or objects)', async () => {
    const { el, events } = await open();
    const payment = { id: 'TEST_154', result_message: '支付成功' };
    puppetPosts(el, msg('epframe.payment.sent'));
    puppetPosts(el, { message: 'epframe.payment.try_again', data: {} });
    puppetPosts(el, msg('epframe.payment.canceled'));
    puppetPosts(el, msg('epframe.payment.fail', { payment }));
    const last = oneEvent(el, 'ecommpay-payment');
    puppetPosts(el, msg('epframe.payment.success', { payment }));
    await until(() => events.get('ecommpay-payment')!.length === 5);
    await last;
    expect(details<PaymentDetail>(events, 'ecommpay-payment')).to.deep.equal([
      { status: 'sent', data: {} },
      { status: 'try-again', data: {} },
      { status: 'canceled', data: {} },
      { status: 'fail', data: { payment } },
      { status: 'success', data: { payment } },
    ]);
    // A hint: the frame stays open, the page decides.
    expect(dialogOf(el)!.open).to.equal(true);
  });

  it('the right shape from the top page itself (another origin) is ignored', async () => {
    const { el, events } = await open();
    const messages = watchMessages();
    window.postMessage(msg('epframe.payment.success', { spoof: 'top' }), '*');
    window.postMessage(msg('epframe.exit'), '*');
    await messages.arrives((e) => e.data === msg('epframe.exit'));
    expect(events.get('ecommpay-payment')).to.have.length(0);
    expect(events.get('ecommpay-close')).to.have.length(0);
    // The element still listens: the Payment Page itself is heard.
    puppetPosts(el, msg('epframe.payment.success'));
    await oneEvent(el, 'ecommpay-payment');
  });

  it('the right shape from a frame of another origin (an advert) is ignored', async () => {
    const { el, events } = await open();
    const messages = watchMessages();
    const advert = document.createElement('iframe');
    // A third origin (opaque: "null"), neither this page's nor the Payment Page's.
    advert.sandbox.add('allow-scripts');
    advert.srcdoc = `<script>top.postMessage(${JSON.stringify(msg('epframe.redirect', { url: 'https://evil.example/' }))}, '*'); top.postMessage(${JSON.stringify(msg('epframe.payment.success', { spoof: 'advert' }))}, '*')</script>`;
    document.body.append(advert);
    listeners.push(() => advert.remove());
    const spoof = await messages.arrives((e) => e.source === advert.contentWindow && String(e.data).includes('advert'));
    expect(spoof.origin).to.equal('null');
    expect(events.get('ecommpay-payment')).to.have.length(0);
    expect(events.get('ecommpay-redirect')).to.have.length(0);
    expect(events.get('ecommpay-error')).to.have.length(0);
    expect(pageNavigations).to.have.length(0);
    expect(dialogOf(el)!.open).to.equal(true);
  });

  it('the right shape from the Payment Page’s origin but another window is ignored', async () => {
    const { el, events } = await open();
    const messages = watchMessages();
    frameOf(el)!.contentWindow!.postMessage({ puppet: 'spoof', data: msg('epframe.payment.success', { spoof: 'sibling' }) }, PP_ORIGIN);
    const spoof = await messages.arrives((e) => String(e.data).includes('sibling'));
    expect(spoof.origin).to.equal(PP_ORIGIN);
    expect(spoof.source).to.not.equal(frameOf(el)!.contentWindow);
    expect(events.get('ecommpay-payment')).to.have.length(0);
  });

  it('malformed and unknown messages are ignored', async () => {
    const { el, events } = await open();
    for (const data of [
      '{"message":"epframe.payment.success"',
      'epframe.payment.success',
      null,
      42,
      ['epframe.exit'],
      { message: 'epframe.payment.refunded' },
      { message: 'epframe.payment.constructor' },
      { message: 'epframe.resize', data: { height: 'tall' } },
      { message: 'epframe.add_css_class', data: { class: 'x' } },
      { data: { message: 'epframe.exit' } },
    ]) {
      puppetPosts(el, data);
    }
    const marker = oneEvent(el, 'ecommpay-payment');
    puppetPosts(el, msg('epframe.payment.sent', { marker: true }));
    expect(((await marker).detail as PaymentDetail).data).to.deep.equal({ marker: true });
    expect(events.get('ecommpay-payment')).to.have.length(1);
    expect(events.get('ecommpay-close')).to.have.length(0);
    expect(events.get('ecommpay-error')).to.have.length(0);
    expect(dialogOf(el)!.open).to.equal(true);
  });

  it('tells each page the frame loads who we are, naming the Payment Page’s origin (never "*")', async () => {
    const { el } = await open();
    // Sent on the frame's load event, which comes after the page said epframe.loaded.
    let received: { data: unknown; origin: string }[] = [];
    await until(async () => (received = await puppetReceived(frameOf(el)!, PP_ORIGIN)).length > 0, 'the Payment Page was never told');
    expect(received.map((r) => ({ origin: r.origin, message: (JSON.parse(String(r.data)) as { message: string }).message }))).to.deep.equal([
      { origin: location.origin, message: 'link' },
    ]);
    cleanup();

    // The frame ended up on another origin (this page's): nothing we send reaches it, nothing it says is heard.
    const messages = watchMessages();
    const bounced = await open({}, { pp_bounce: location.origin }, { wait: false });
    const frame = frameOf(bounced.el)!;
    const loaded = await messages.arrives((e) => e.source === frame.contentWindow && e.data === msg('epframe.loaded', {}));
    expect(loaded.origin).to.equal(location.origin);
    expect(await puppetReceived(frame, location.origin)).to.deep.equal([]);
    await bounced.el.updateComplete;
    expect(shown(bounced.el)).to.equal(false);
  });
});

describe('the Payment Page sends the whole page to a bank', () => {
  it('epframe.redirect to javascript:, data: or a host outside allowed-hosts is refused, with an error naming the rule', async () => {
    const cases = [
      { url: 'javascript:alert(document.domain)', rule: 'url', attributes: {} },
      { url: 'data:text/html,<script>alert(1)</script>', rule: 'url', attributes: {} },
      { url: 'https://evil.example/pay', rule: 'host', attributes: { 'allowed-hosts': 'bank.example' } },
    ];
    for (const { url, rule, attributes } of cases) {
      const { el, events } = await open({ ...phAttributes, ...attributes, language: 'en' });
      const failed = oneEvent(el, 'ecommpay-error');
      puppetPosts(el, msg('epframe.redirect', { url }));
      const detail = (await failed).detail as EcommpayErrorDetail;
      expect(detail.code).to.equal('invalid-redirect');
      expect(detail.issues!.map((i) => `${i.field} ${i.rule}`)).to.deep.equal([`url ${rule}`]);
      expect(detail.message).to.match(/^Refused epframe\.redirect from the Payment Page: url /);
      expect(events.get('ecommpay-redirect')).to.have.length(0);
      expect(pageNavigations).to.have.length(0);
      expect(shadow(el).querySelector('dialog [role="alert"]')!.textContent).to.contain('can’t be taken to your bank');
      cleanup();
    }
  });

  it('epframe.redirect to an allowed bank: ecommpay-redirect, then the page (not the frame) goes there', async () => {
    const { el } = await open({ 'allowed-hosts': 'bank.example' });
    const redirected = oneEvent(el, 'ecommpay-redirect');
    puppetPosts(el, msg('epframe.redirect', { url: 'https://bank.example/pay?token=t1' }));
    expect((await redirected).detail as RedirectDetail).to.deep.equal({ method: 'GET', url: 'https://bank.example/pay?token=t1', fields: [] });
    await until(() => pageNavigations.length === 1);
    expect(pageNavigations[0]).to.deep.equal({ url: 'https://bank.example/pay?token=t1', method: 'GET', fields: [] });
  });

  it('ecommpay-redirect can be cancelled: the page stays', async () => {
    const { el } = await open();
    el.addEventListener('ecommpay-redirect', (e) => e.preventDefault());
    const redirected = oneEvent(el, 'ecommpay-redirect');
    puppetPosts(el, msg('epframe.redirect', { url: 'https://bank.example/pay' }));
    await redirected;
    expect(pageNavigations).to.have.length(0);
  });

  it('epframe.acs_parent_page_redirect_run posts the form from the page exactly: every field, UTF-8', async () => {
    const { el } = await open(phAttributes);
    const body = { PaReq: 'eJxVUu1u+jAQ==', MD: '42;x', TermUrl: 'https://pp.example/return?a=1&b=2', 商品: '马尼拉丝巾 — ₱', submit: 'x', action: 'y', empty: '' };
    const redirected = oneEvent(el, 'ecommpay-redirect');
    puppetPosts(el, msg('epframe.acs_parent_page_redirect_run', { method: 'POST', url: 'https://acs.example/3ds', body }));
    const plan = (await redirected).detail as RedirectDetail;
    expect(plan.fields).to.deep.equal(Object.entries(body));
    await until(() => pageNavigations.length === 1);
    expect(pageNavigations[0]).to.deep.equal({ url: 'https://acs.example/3ds', method: 'POST', fields: Object.entries(body) });
    const form = document.querySelector<HTMLFormElement>('body > form[hidden]')!;
    expect([form.getAttribute('accept-charset'), form.getAttribute('method'), form.getAttribute('target')]).to.deep.equal(['UTF-8', 'post', '_self']);
  });

  it('epframe.acs_parent_page_redirect_run with GET merges the body into the URL’s query', async () => {
    const { el } = await open();
    puppetPosts(el, msg('epframe.acs_parent_page_redirect_run', { method: 'GET', url: 'https://acs.example/3ds?keep=1', body: { 名: '丝巾' } }));
    await until(() => pageNavigations.length === 1);
    expect(pageNavigations[0]!.url).to.equal(`https://acs.example/3ds?keep=1&${new URLSearchParams({ 名: '丝巾' })}`);
    expect(el.isConnected).to.equal(true);
  });
});

describe('a Payment Page that does not load', () => {
  it('frame-load-failed after frame-timeout, with a visible retry and a link to open it in this window', async () => {
    const { el, launch } = await open({ ...phAttributes, 'frame-timeout': '300', language: 'en' }, { pp_quiet: 'first' }, { wait: false });
    const failed = oneEvent(el, 'ecommpay-error');
    const detail = (await failed).detail as EcommpayErrorDetail;
    expect(detail.code).to.equal('frame-load-failed');
    expect(detail.message).to.contain(PP_ORIGIN);
    await el.updateComplete;
    expect(shadow(el).querySelector('dialog [role="alert"]')!.textContent).to.equal('The payment page did not load.');
    const link = shadow(el).querySelector<HTMLAnchorElement>('[part="open"]')!;
    // The same signed launch, without frame_mode: the Payment Page in this window.
    expect(link.href).to.equal(launch.url.replace('&frame_mode=popup', ''));
    shadow(el).querySelector<HTMLButtonElement>('[part="retry"]')!.click();
    await el.updateComplete;
    // The retry button that had focus is gone: the frame's heading takes it.
    expect(shadow(el).activeElement).to.equal(shadow(el).querySelector('.frame-title'));
    await until(() => shown(el), 'the retry did not load the Payment Page');
    expect(shadow(el).querySelector('[part="retry"]')).to.equal(null);
    expect(shadow(el).querySelector('dialog [role="alert"]')!.textContent!.trim()).to.equal('');
  });
});

describe('frame displays on a mobile device', () => {
  let restore: () => void;
  beforeEach(() => {
    restore = emulateUserAgent('Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 Mobile Safari/537.36');
  });
  afterEach(() => restore());

  for (const display of ['modal', 'iframe']) {
    it(`display="${display}" opens as a redirect (no frame_mode)`, async () => {
      const key = uniqueKey('mobile-frame');
      const { el } = await mount<EcommpayCheckout>('ecommpay-checkout', {
        ...phAttributes,
        display,
        'payment-page-url': PP,
        'sign-url': respondUrl(key, { body: { signature: 'AAAA' } }),
      });
      el.addEventListener('ecommpay-launch', (e) => e.preventDefault());
      const launched = oneEvent(el, 'ecommpay-launch');
      payButton(el).click();
      const launch = (await launched).detail as LaunchDetail;
      expect(launch.display).to.equal('redirect');
      expect(new URL(launch.url).searchParams.has('frame_mode')).to.equal(false);
      await el.updateComplete;
      expect(frameOf(el)).to.equal(null);
    });
  }

  it('frame-on-mobile keeps the frame', async () => {
    const { el, launch } = await open({ ...phAttributes, 'frame-on-mobile': true });
    expect(launch.display).to.equal('modal');
    expect(dialogOf(el)!.open).to.equal(true);
  });

  it('CUP’s mobile block comes first', async () => {
    const key = uniqueKey('mobile-cup-frame');
    const { el, events } = await mount<EcommpayCheckout>(
      'ecommpay-checkout',
      { ...cupAttributes, display: 'modal', 'frame-on-mobile': true, 'payment-page-url': PP, 'sign-url': respondUrl(key, { body: { signature: 'AAAA' } }) },
      {},
      EVENTS,
    );
    // The button is disabled; a script's pay() meets the block before anything is signed or framed.
    expect(payButton(el).disabled).to.equal(true);
    const blocked = oneEvent(el, 'ecommpay-error');
    void el.pay();
    expect(((await blocked).detail as EcommpayErrorDetail).code).to.equal('mobile-unsupported');
    expect(await recorded(key)).to.have.length(0);
    expect(events.get('ecommpay-launch')).to.have.length(0);
  });
});
