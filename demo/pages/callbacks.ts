/** The callbacks the backend received, live, with their signature check and effect. */
import { api, chrome, el, getConfig, type CallbackRecord } from './shared.ts';

void chrome();
const log = document.getElementById('log')!;
let last = 0;

getConfig()
  .then((c) => {
    if (c.sandbox_url) {
      document.getElementById('sandbox-link')!.replaceChildren(
        'To see a duplicate handled, press “Send again” on a callback in the ',
        el('a', { href: `${c.sandbox_url}/` }, 'sandbox dashboard'),
        ': it arrives twice and changes the order once.',
      );
    }
  })
  .catch(() => undefined);

function row(r: CallbackRecord): HTMLElement {
  const effect = r.applied ? 'applied' : r.duplicate ? 'duplicate: nothing changed' : (r.note ?? 'not applied');
  return el(
    'tr',
    { 'data-n': String(r.n) },
    el('td', {}, String(r.n)),
    el('td', {}, new Date(r.received_at).toLocaleTimeString()),
    el('td', {}, r.payment_id ? el('a', { href: `/demo/pages/result.html?payment_id=${encodeURIComponent(r.payment_id)}` }, r.payment_id) : '—'),
    el('td', {}, `${r.status ?? '—'}${r.code ? ` · ${r.code}` : ''}${r.message ? ` ${r.message}` : ''}`),
    el('td', { class: r.verified ? 'yes' : 'no' }, r.verified ? 'verified' : 'INVALID'),
    el('td', {}, effect, el('details', {}, el('summary', {}, 'JSON'), el('pre', {}, JSON.stringify(r.body, null, 2)))),
  );
}

async function poll(): Promise<void> {
  try {
    const fresh = await api<CallbackRecord[]>(`/api/callbacks?after=${last}`);
    if (fresh.length > 0) {
      document.getElementById('empty')?.remove();
      for (const r of fresh) {
        log.prepend(row(r));
        last = Math.max(last, r.n);
      }
    }
  } catch {
    // the backend restarted: try again
  }
  setTimeout(() => void poll(), 1000);
}
void poll();
