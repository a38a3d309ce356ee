/** A payout through Gate: the form's request goes to the backend, which signs and sends it; the result comes by callback. */
import { payoutForm } from './payout-form.ts';
import { api, chrome, el, methodFromQuery, methodTabs, outcome, waitForFinal } from './shared.ts';

void chrome();
const method = methodFromQuery();
methodTabs(document.getElementById('methods')!, method);
const progress = document.getElementById('progress')!;

await payoutForm(document.getElementById('form')!, method, async (request) => {
  const started = await api<{ payment_id: string }>('/api/gate/payout', { body: { method, request } });
  progress.replaceChildren(el('div', { class: 'status wait', role: 'status' }, `Payout ${started.payment_id} requested…`));
  const order = await waitForFinal(started.payment_id, (o) => progress.replaceChildren(outcome(o)));
  progress.append(el('p', { class: 'muted small' }, `${order.callbacks.length} callback(s) received · `, el('a', { href: '/demo/pages/callbacks.html' }, 'see the callbacks')));
});
