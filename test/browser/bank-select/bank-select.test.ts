/** <ecommpay-bank-select>: accessibility, lists by operation, live list and fallback, keyboard, form value. */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/bank-select.ts';
import type { EcommpayBankSelect } from '../../../src/elements/bank-select/ecommpay-bank-select.ts';
import { cleanup, mount, recorded, respondUrl, uniqueKey } from '../helpers.ts';

async function mountSelect(attributes: Record<string, string | boolean | null>) {
  const { el, events } = await mount<EcommpayBankSelect>('ecommpay-bank-select', attributes, {}, ['change']);
  await el.loaded;
  await el.updateComplete;
  return { el, events };
}

const input = (el: EcommpayBankSelect) => el.shadowRoot!.querySelector('input')!;
const optionTexts = (el: EcommpayBankSelect) =>
  [...el.shadowRoot!.querySelectorAll('[role="option"]')].map((o) => o.querySelector('.name')!.textContent);
const notice = (el: EcommpayBankSelect) => el.shadowRoot!.querySelector('[part="notice"]') as HTMLElement;

async function openList(el: EcommpayBankSelect) {
  input(el).focus();
  await sendKeys({ press: 'ArrowDown' });
  await el.updateComplete;
}

describe('<ecommpay-bank-select>', () => {
  afterEach(cleanup);

  it('is accessible when empty, open, chosen, with an error, loading and on fallback', async () => {
    const { el } = await mountSelect({ method: 'online-philippines-banks', operation: 'payout' });
    await expect(el).to.be.accessible();
    await openList(el);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.value).to.not.equal('');
    await expect(el).to.be.accessible();
    el.error = 'Choose your bank';
    await el.updateComplete;
    expect(input(el).getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();

    const slow = uniqueKey('slow');
    const loading = (await mount<EcommpayBankSelect>('ecommpay-bank-select', {
      method: 'online-philippines-banks',
      'banks-url': respondUrl(slow, { delay: 400, body: [{ id: 486, name: 'BDO', abbr: 'BDO' }] }),
    })).el;
    expect(loading.source).to.equal(null);
    expect(input(loading).getAttribute('aria-busy')).to.equal('true');
    await expect(loading).to.be.accessible();
    await loading.loaded;

    const { el: failed } = await mountSelect({ method: 'online-philippines-banks', 'banks-url': respondUrl(uniqueKey('f'), { status: 500 }) });
    expect(failed.source).to.equal('catalogue');
    await expect(failed).to.be.accessible();
  });

  it('offers only the banks supporting the operation', async () => {
    const { el: sale } = await mountSelect({ method: 'online-philippines-banks', operation: 'sale' });
    const { el: payout } = await mountSelect({ method: 'online-philippines-banks', operation: 'payout' });
    const saleIds = sale.banks.map((b) => b.id);
    const payoutIds = payout.banks.map((b) => b.id);
    expect(saleIds).to.include.members([486, 487, 2241, 2321]);
    expect(saleIds).to.not.include(485); // AUB: payout only
    expect(payoutIds).to.include.members([485, 486, 487, 1571]);
    expect(payoutIds).to.not.include(2241); // BDO Corporate: purchase only
    expect(sale.banks.find((b) => b.id === 486)).to.deep.equal({ id: 486, name: 'BDO Internet Banking', code: 'BDO' });
    const { el: cup } = await mountSelect({ method: 'cup-bank', operation: 'payout' });
    expect(cup.banks).to.have.length(169);
    expect(cup.banks[0]).to.deep.equal({ id: 1, name: 'Agricultural Bank Of China' });
  });

  it('shows the bank name and code in each option', async () => {
    const { el } = await mountSelect({ method: 'online-philippines-banks', operation: 'sale', 'test-mode': true });
    await openList(el);
    const options = [...el.shadowRoot!.querySelectorAll('[role="option"]')];
    expect(options.map((o) => o.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'BDO Internet Banking BDO',
      'BPI ExpressOnline/Mobile (Fund Transfer) BPI',
    ]);
  });

  it('test-mode: Philippines offers only banks 486 and 487', async () => {
    const { el } = await mountSelect({ method: 'online-philippines-banks', operation: 'payout', 'test-mode': true });
    expect(el.banks.map((b) => b.id)).to.deep.equal([486, 487]);
    expect(notice(el).hidden).to.equal(false);
    expect(notice(el).textContent!.trim()).to.equal('Test mode: only the test banks are listed.');
  });

  it('test-mode: CUP has no test banks, so it lists every bank and says nothing of test banks', async () => {
    const { el } = await mountSelect({ method: 'cup-bank', operation: 'payout', 'test-mode': true, language: 'zh' });
    const all = await mountSelect({ method: 'cup-bank', operation: 'payout' });
    expect(el.banks.length).to.be.above(100);
    expect(el.banks).to.deep.equal(all.el.banks);
    expect(notice(el).hidden).to.equal(true);
    expect(el.shadowRoot!.textContent).not.to.contain('测试');
  });

  it('loads the live list from banks-url (ecommpay answer shape), filling {method} and {operation}', async () => {
    const key = uniqueKey('live');
    const body = [
      { id: 9001, name: 'Live Bank One', abbr: 'LB1', currencies: ['PHP'], limit: { min: 1000, max: 10000000 } },
      { id: '9002', name: 'Live Bank Two' },
      { id: 'x', name: 'broken row' },
    ];
    const url = `${respondUrl(key, { body })}&m={method}&o={operation}`;
    const { el } = await mountSelect({ method: 'online-philippines-banks', operation: 'payout', 'banks-url': url });
    expect(el.source).to.equal('live');
    expect(el.banks).to.deep.equal([
      { id: 9001, name: 'Live Bank One', code: 'LB1' },
      { id: 9002, name: 'Live Bank Two' },
    ]);
    expect(notice(el).hidden).to.equal(true);
    const requests = await recorded(key);
    expect(requests).to.have.length(1);
    expect(requests[0]!.method).to.equal('GET');
    expect(requests[0]!.url).to.contain('m=online-philippines-banks&o=payout');
  });

  it('accepts { banks: [...] } from the backend', async () => {
    const body = { banks: [{ id: 486, name: 'BDO', code: 'BDO' }, { id: 487, name: 'BPI', code: 'BPI', payout: false }] };
    const { el } = await mountSelect({ method: 'online-philippines-banks', operation: 'payout', 'banks-url': respondUrl(uniqueKey('w'), { body }) });
    expect(el.source).to.equal('live');
    expect(el.banks).to.deep.equal([{ id: 486, name: 'BDO', code: 'BDO' }]);
  });

  it('falls back to the bundled catalogue, visibly, when the live list fails', async () => {
    for (const options of [{ status: 502, body: { error: 'down' } }, { body: '<html>' , type: 'text/html' }, { body: { nothing: true } }]) {
      const { el } = await mountSelect({
        method: 'online-philippines-banks',
        operation: 'payout',
        'banks-url': respondUrl(uniqueKey('fail'), options),
      });
      expect(el.source).to.equal('catalogue');
      expect(el.banks.map((b) => b.id)).to.include(485);
      expect(notice(el).hidden).to.equal(false);
      expect(notice(el).textContent).to.contain('bundled list');
      expect(input(el).getAttribute('aria-describedby')).to.contain('notice');
      cleanup();
    }
  });

  it('the fallback note is in Chinese with language="zh"', async () => {
    const { el } = await mountSelect({ method: 'cup-bank', operation: 'payout', 'banks-url': respondUrl(uniqueKey('zh'), { status: 500 }) });
    expect(notice(el).textContent).to.contain('内置列表');
    expect(el.shadowRoot!.querySelector('label')!.textContent).to.equal('银行');
  });

  it('keyboard: type to filter, ArrowDown, Enter chooses → value and change', async () => {
    const { el, events } = await mountSelect({ method: 'online-philippines-banks', operation: 'payout' });
    input(el).focus();
    await sendKeys({ type: 'bpi' });
    await el.updateComplete;
    expect(input(el).getAttribute('aria-expanded')).to.equal('true');
    expect(optionTexts(el)).to.deep.equal(['BPI ExpressOnline/Mobile (Fund Transfer)', 'BPI Family Bank']);
    expect(input(el).getAttribute('aria-activedescendant')).to.equal('bank-487');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(input(el).getAttribute('aria-activedescendant')).to.equal('bank-488');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.value).to.equal('488');
    expect(el.bankId).to.equal(488);
    expect(el.selectedBank).to.deep.equal({ id: 488, name: 'BPI Family Bank', code: 'BFB' });
    expect(events.get('change')).to.have.length(1);
    expect(input(el).value).to.equal('BPI Family Bank');
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
  });

  it('keyboard: Home, End, ArrowUp and Escape', async () => {
    const { el, events } = await mountSelect({ method: 'online-philippines-banks', operation: 'sale', 'test-mode': true });
    await openList(el);
    expect(input(el).getAttribute('aria-activedescendant')).to.equal('bank-486');
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(input(el).getAttribute('aria-activedescendant')).to.equal('bank-487');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(input(el).getAttribute('aria-activedescendant')).to.equal('bank-486');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    expect(input(el).hasAttribute('aria-activedescendant')).to.equal(false);
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(input(el).getAttribute('aria-activedescendant')).to.equal('bank-487');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.value).to.equal('487');
    expect(events.get('change')).to.have.length(1);
  });

  it('no match: says so and keeps the list closed', async () => {
    const { el } = await mountSelect({ method: 'online-philippines-banks', operation: 'payout' });
    input(el).focus();
    await sendKeys({ type: 'zzzz' });
    await el.updateComplete;
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('No bank matches your search.');
    await expect(el).to.be.accessible();
  });

  it('a click on an option chooses it', async () => {
    const { el, events } = await mountSelect({ method: 'online-philippines-banks', operation: 'payout', 'test-mode': true });
    input(el).click();
    await el.updateComplete;
    (el.shadowRoot!.querySelector('#bank-487') as HTMLElement).click();
    await el.updateComplete;
    expect(el.value).to.equal('487');
    expect(events.get('change')).to.have.length(1);
  });

  it('is form-associated: submits name=bank_id, required blocks submit, reset clears', async () => {
    const form = document.createElement('form');
    form.dataset.testHost = '';
    const el = document.createElement('ecommpay-bank-select');
    el.setAttribute('method', 'online-philippines-banks');
    el.setAttribute('name', 'bank_id');
    el.required = true;
    form.append(el);
    document.body.append(form);
    await el.updateComplete;
    await el.loaded;
    expect(form.checkValidity()).to.equal(false);
    el.value = '486';
    await el.updateComplete;
    expect(form.checkValidity()).to.equal(true);
    expect(new FormData(form).get('bank_id')).to.equal('486');
    form.reset();
    await el.updateComplete;
    expect(el.value).to.equal('');
    expect(new FormData(form).get('bank_id')).to.equal(null);
  });
});
