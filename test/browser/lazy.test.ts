/**
 * The CDN entry defines every element lazily: when one appears in the document, or at once through
 * `loadBankSelect()` / `loadPayoutForm()` for elements in a shadow root of the merchant's own, which
 * the document cannot see into. (Each test file runs in a page of its own, so nothing here is
 * defined before the entry runs.)
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { loadPayoutForm } from '../../src/cdn.ts';
import type { EcommpayErrorEvent, EcommpayPayoutForm } from '../../src/index.ts';
import { lazyDefine, loadOnce } from '../../src/elements/lazy.ts';
import { cleanup } from './helpers.ts';

describe('lazy definition of the chunked elements', () => {
  afterEach(cleanup);

  it('<ecommpay-bank-select> is defined the first time one appears in the document', async () => {
    expect(customElements.get('ecommpay-bank-select'), 'defined before any appeared').to.equal(undefined);
    const el = document.createElement('ecommpay-bank-select');
    el.setAttribute('method', 'online-philippines-banks');
    document.body.append(el);
    await customElements.whenDefined('ecommpay-bank-select');
    await waitUntil(() => el.shadowRoot?.querySelector('[role=combobox]'), 'the bank choice did not render');
  });

  it('one inside a shadow root is not seen by the document; loadPayoutForm() defines it there', async () => {
    expect(customElements.get('ecommpay-payout-form'), 'defined before any appeared').to.equal(undefined);
    // Mutation observers are told in the order they were made: once this one (made after the
    // entry's) has seen the mutation, the entry has looked at it too, and would have started loading.
    const seen = new Promise<void>((resolve) => {
      const observer = new MutationObserver(() => (observer.disconnect(), resolve()));
      observer.observe(document.documentElement, { childList: true, subtree: true });
    });
    const host = document.createElement('div');
    document.body.append(host);
    const form = document.createElement('ecommpay-payout-form');
    form.setAttribute('method', 'cup-bank');
    // What a framework's ref (or any script) sets before the element is defined: a plain property
    // of the HTMLElement, which the upgrade must take over rather than leave hiding the accessor.
    (form as unknown as { values: Record<string, string> }).values = { 'customer.first_name': '伟' };
    // What React 19 sets for `values={…}` on an element it does not know yet: the object as text.
    const stringified = document.createElement('ecommpay-payout-form');
    stringified.setAttribute('method', 'cup-bank');
    stringified.setAttribute('values', String({ 'customer.first_name': '伟' }));
    const reported = oneEvent(stringified, 'ecommpay-error') as Promise<EcommpayErrorEvent>;
    host.attachShadow({ mode: 'open' }).append(form, stringified);
    await seen;
    expect(customElements.get('ecommpay-payout-form'), 'the document saw into a shadow root').to.equal(undefined);
    // No load is under way: loadOnce runs this probe (a load under way or done would be given instead).
    let probed = false;
    await loadOnce('ecommpay-payout-form', () => {
      probed = true;
      return Promise.reject(new Error('probe'));
    }).catch(() => undefined);
    expect(probed, 'the document saw into a shadow root and started loading').to.equal(true);

    const PayoutForm = await loadPayoutForm();
    expect(customElements.get('ecommpay-payout-form')).to.equal(PayoutForm);
    expect(form).to.be.instanceOf(PayoutForm);
    await waitUntil(() => form.shadowRoot?.querySelector('form, [part~=base]'), 'the payout form did not render');
    expect(Object.hasOwn(form, 'values'), 'the early property still hides the accessor').to.equal(false);
    expect((form as EcommpayPayoutForm).values).to.deep.equal({ 'customer.first_name': '伟' });

    const { detail } = await reported;
    expect(detail.code).to.equal('invalid-config');
    expect(detail.issues).to.deep.equal([{ field: 'values', rule: 'type', message: detail.message }]);
    expect(detail.message).to.match(/^values reached <ecommpay-payout-form> as the attribute values="\[object Object\]", set before the element was defined/);
    expect(detail.message).to.contain("import 'ecommpay-elements/payout-form'");
    expect(detail.message).to.contain("await loadPayoutForm()");
  });
});

describe('a lazy part that fails to load', () => {
  afterEach(cleanup);

  it('fires load-failed on each waiting element (typed on document too) and is tried again when the next one appears', async () => {
    let attempts = 0;
    class Flaky extends HTMLElement {}
    const load = () =>
      loadOnce('x-flaky', async () => {
        attempts += 1;
        if (attempts === 1) throw new TypeError('Failed to fetch dynamically imported module');
        customElements.define('x-flaky', Flaky);
      });
    // Typed through GlobalEventHandlersEventMap: `e.detail.code` needs no cast on `document`.
    const codes: string[] = [];
    const listener = (e: HTMLElementEventMap['ecommpay-error']) => codes.push(e.detail.code);
    document.addEventListener('ecommpay-error', (e) => listener(e));

    const first = document.createElement('x-flaky');
    document.body.append(first);
    lazyDefine('x-flaky', load);
    await waitUntil(() => codes.length === 1, 'no load-failed');
    expect(codes).to.deep.equal(['load-failed']);
    expect(customElements.get('x-flaky')).to.equal(undefined);

    document.body.append(document.createElement('x-flaky'));
    await customElements.whenDefined('x-flaky');
    expect(attempts).to.equal(2);
    expect(first).to.be.instanceOf(Flaky);
  });
});
