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

/** What a callback did, in a phrase a merchant debugging it can act on. */
function effect(r: CallbackRecord): string {
  const again = r.deliveries > 1 ? ` · delivered ${r.deliveries}×, applied once` : '';
  if (r.applied) return `applied${again}`;
  if (r.action === 'hold') return `held for review: ${r.reason}${r.detail ? ` (${r.detail})` : ''}${again}`;
  if (r.action === 'ignore') return `nothing changed: ${r.detail ?? r.reason}${again}`;
  return `nothing changed: the order was already final${again}`;
}

function row(r: CallbackRecord): HTMLElement {
  return el(
    'tr',
    { 'data-n': String(r.n), 'data-action': r.action },
    el('td', {}, String(r.n)),
    el('td', {}, new Date(r.received_at).toLocaleTimeString()),
    el('td', {}, r.payment_id ? el('a', { href: `/demo/pages/result.html?payment_id=${encodeURIComponent(r.payment_id)}` }, r.payment_id) : '—'),
    el('td', {}, `${r.status ?? '—'}${r.code ? ` · ${r.code}` : ''}${r.message ? ` ${r.message}` : ''}`),
    el('td', { class: r.action === 'apply' ? 'yes' : 'no' }, 'verified'),
    el('td', {}, effect(r), el('details', {}, el('summary', {}, 'fields'), el('pre', {}, JSON.stringify(r.fields, null, 2)))),
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
