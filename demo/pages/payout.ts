/**
 * A payout through Gate with `<ecommpay-payout-form>`: the element collects and checks the
 * beneficiary's details and hands over the Gate payout body (without `general`); the page sends it
 * to the backend, which adds `general`, signs and calls Gate. The result comes by callback.
 */
import '../../src/index.ts';
import type { EcommpayPayoutForm } from '../../src/elements/payout-form/ecommpay-payout-form.ts';
import type { EcommpayPayoutSubmitEvent } from '../../src/elements/payout-form/events.ts';
import type { MethodCode } from '../../src/core/methods/index.ts';
import { api, chrome, el, getConfig, methodFromQuery, methodTabs, money, outcome, waitForFinal } from './shared.ts';

/** What the shop already knows about the seller (a real shop prefills from its account data). */
const KNOWN: Record<MethodCode, Record<string, string>> = {
  'cup-bank': {
    'payment.amount': '1000.00',
    'customer.last_name': '王',
    'customer.first_name': '伟',
    'customer.phone': '8613800138000',
    'customer.email': 'wang.wei@example.cn',
    'customer.state': '浙江省',
    'customer.city': '杭州市',
    'customer.street': '人民路 100 号',
    'customer.zip': '310000',
    'card.pan': '6217003760136456530',
    'account.bank_id': '23',
    'account.region_id': '34',
    'account.city': '杭州',
    'account.branch': 'HZRM',
  },
  'online-philippines-banks': {
    'payment.amount': '1500.00',
    'account.customer_name': 'Juan Dela Cruz',
    'account.number': '1670033323',
    'account.region_id': '297',
    'account.city': 'Manila',
    'account.branch': 'Makati Avenue',
  },
};

void chrome();
const method = methodFromQuery();
methodTabs(document.getElementById('methods')!, method);
const progress = document.getElementById('progress')!;
const config = await getConfig();

interface Seller {
  id: string;
  email: string;
  name: string;
}

/** The signed-in seller, or `null` (the backend answers 401 without a session). */
async function currentSeller(): Promise<Seller | null> {
  const response = await fetch('/api/session');
  return response.ok ? ((await response.json()) as { seller: Seller }).seller : null;
}

/** Signs in with the session cookie the backend sets (HttpOnly: this page never sees it). */
async function signIn(): Promise<Seller> {
  const panel = document.getElementById('signin')!;
  const signInForm = document.getElementById('signin-form') as HTMLFormElement;
  const error = document.getElementById('signin-error')!;
  panel.hidden = false;
  return new Promise((resolve) => {
    signInForm.addEventListener('submit', (event) => {
      event.preventDefault();
      const data = new FormData(signInForm);
      error.textContent = '';
      api<{ seller: Seller }>('/api/session', { body: { email: data.get('email'), password: data.get('password') } })
        .then(({ seller }) => {
          panel.hidden = true;
          resolve(seller);
        })
        .catch((e: unknown) => (error.textContent = e instanceof Error ? e.message : String(e)));
    });
  });
}

const seller = (await currentSeller()) ?? (await signIn());
const sellerLine = document.getElementById('seller')!;
const signOut = el('button', { type: 'button', class: 'link' }, 'Sign out');
signOut.addEventListener('click', () => void api('/api/session', { method: 'DELETE' }).then(() => location.reload()));
sellerLine.replaceChildren(`Signed in as ${seller.name} (${seller.email}) · `, signOut);
sellerLine.hidden = false;
document.getElementById('payout')!.hidden = false;

/** What the shop still owes the seller: the backend checks every payout against it. */
const balanceLine = document.getElementById('balance')!;
async function showBalance(): Promise<void> {
  const { available, currency } = await api<{ available: number; currency: string }>(`/api/balance/${method}`);
  balanceLine.replaceChildren('Available to withdraw: ', el('strong', {}, money(available, currency, 'en')));
}
void showBalance();

const form = document.createElement('ecommpay-payout-form') as EcommpayPayoutForm;
form.method = method;
form.language = 'en';
form.description = `Seller withdrawal ${new Date().toISOString().slice(0, 10)}`;
// The backend proxies ecommpay's live bank list; test projects take the test banks only.
form.banksUrl = '/api/banks/{method}/{operation}';
form.testMode = config.test_mode;
form.values = KNOWN[method];
document.getElementById('form')!.replaceChildren(form);

form.addEventListener('ecommpay-payout-submit', (event: EcommpayPayoutSubmitEvent) => {
  form.disabled = true;
  void (async () => {
    try {
      const started = await api<{ payment_id: string }>('/api/gate/payout', { body: { method, request: event.detail.request } });
      progress.replaceChildren(el('div', { class: 'status wait', role: 'status' }, `Payout ${started.payment_id} requested…`));
      const order = await waitForFinal(started.payment_id, (o) => progress.replaceChildren(outcome(o)));
      progress.append(el('p', { class: 'muted small' }, `${order.callbacks.length} callback(s) received · `, el('a', { href: '/demo/pages/callbacks.html' }, 'see the callbacks')));
    } catch (error) {
      progress.replaceChildren(el('div', { class: 'status decline', role: 'alert' }, error instanceof Error ? error.message : String(error)));
    } finally {
      form.disabled = false;
      void showBalance();
    }
  })();
});
