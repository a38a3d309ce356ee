/**
 * The Payment Page in a frame (SPEC §10): who may frame it, and the script that speaks ecommpay's
 * frame protocol to the merchant's page.
 *
 *   GET /payment?…&frame_mode=iframe|popup ─► a framed session: every page of it carries
 *   <script src="/payment/frame.js" data-parent-origin="…" data-…> ─► postMessage to window.parent
 *
 * Everything under `/payment` may be framed by the shop (`frame-ancestors`); bank pages may not
 * (`X-Frame-Options: DENY`), which is why a framed page asks the top window to go to them
 * (`epframe.redirect`) instead of going there itself.
 */
import { html, type Html } from './html.ts';

/** `frame_mode` as ecommpay's `merchant.js` appends it: `iframe` (inside an element) or `popup` (a modal). */
export type FrameMode = 'iframe' | 'popup';

/** A framed session: how it is shown and the one origin its messages go to. */
export interface Frame {
  mode: FrameMode;
  parentOrigin: string;
}

/** Where the sandbox serves the script (under `/payment`, so it shares the Payment Page's origin and headers). */
export const FRAME_SCRIPT_PATH = '/payment/frame.js';

/** `iframe` or `popup`; any other value (or none) is not framed. */
export const frameModeOf = (value: string | null | undefined): FrameMode | undefined => (value === 'iframe' || value === 'popup' ? value : undefined);

/** `https://shop.example/api/cb` → `https://shop.example`; `undefined` for what has no origin of its own. */
export function originOf(url: string): string | undefined {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/**
 * The page a framed session talks to. The origin of the page that opened the frame (its `Referer`)
 * when it is one of those allowed to frame the Payment Page, else the first of them: messages are
 * never posted to `'*'`, and never to an origin the sandbox was not told about. `undefined` when
 * no origin may frame it (then the session is not framed: there is nobody to talk to).
 */
export function parentOriginOf(request: Request, ancestors: readonly string[]): string | undefined {
  const referrer = originOf(request.headers.get('referer') ?? '');
  return referrer && ancestors.includes(referrer) ? referrer : ancestors[0];
}

/** The frame of a `GET /payment` request, or `undefined` when it is not framed. */
export function frameOf(request: Request, mode: string | undefined, ancestors: readonly string[]): Frame | undefined {
  const frameMode = frameModeOf(mode);
  const parentOrigin = frameMode ? parentOriginOf(request, ancestors) : undefined;
  return frameMode && parentOrigin ? { mode: frameMode, parentOrigin } : undefined;
}

/** What a framed page says beyond `epframe.loaded` and `epframe.resize`. */
export interface FrameSays {
  /** The payment this page is about (`epframe.payment.sent` carries its ID). */
  paymentId?: string;
  /** The form whose submission sends the payment (`epframe.payment.sent`). */
  sentForm?: string;
  /** The payment's result: `epframe.payment.success` or `.fail`. */
  result?: { status: string; code: string; message: string };
  /** A bank page the top window must go to (`epframe.redirect`). */
  redirectUrl?: string;
}

/** The script tag of a framed page, or nothing when the page is not framed. */
export function frameScript(frame: Frame | undefined, says: FrameSays = {}): Html {
  if (!frame) return html``;
  const data: [string, string | undefined][] = [
    ['parent-origin', frame.parentOrigin],
    ['frame-mode', frame.mode],
    ['payment-id', says.paymentId],
    ['sent-form', says.sentForm],
    ['result', says.result && (says.result.status === 'success' ? 'success' : 'fail')],
    ['payment-status', says.result?.status],
    ['payment-code', says.result?.code],
    ['payment-message', says.result?.message],
    ['redirect-url', says.redirectUrl],
  ];
  const attributes = data.filter(([, value]) => value !== undefined).map(([name, value]) => html` data-${name}="${value}"`);
  return html`<script src="${FRAME_SCRIPT_PATH}"${attributes}></script>`;
}

/**
 * The header that lets the shop frame the Payment Page (`'self'` and the given origins), replacing
 * `X-Frame-Options: DENY`, which would forbid every frame. A new `Response`: some responses'
 * headers cannot be changed.
 */
export function allowFraming(response: Response, ancestors: readonly string[]): Response {
  const headers = new Headers(response.headers);
  headers.delete('X-Frame-Options');
  headers.set('Content-Security-Policy', `frame-ancestors ${["'self'", ...ancestors].join(' ')}`);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** `GET /payment/frame.js`. No cache keeps it: the sandbox may change between runs, as its pages do. */
export const frameScriptResponse = (): Response =>
  new Response(FRAME_SCRIPT, {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' },
  });

/**
 * The script, as a browser runs it (plain ES2017, no modules: it is served as is). It reads its own
 * tag's `data-*` attributes:
 *
 *   data-parent-origin   the only origin messages go to and come from (required; nothing happens without it)
 *   data-payment-id      the payment's ID (in `epframe.payment.*` data)
 *   data-sent-form       the ID of the form whose submission is `epframe.payment.sent`
 *   data-result          `success` or `fail`: posts `epframe.payment.success` / `.fail` once ready, with
 *   data-payment-status, data-payment-code, data-payment-message   the payment's status, code and message
 *   data-redirect-url    posts `epframe.redirect` `{url}` once ready (the top window goes there)
 *   data-frame-mode      `iframe` or `popup` (not read: the page behaves the same in both; it says which)
 *
 * Every message is a JSON string `{"message":"epframe.…","data":{…},"guid":…}`, the guid the parent
 * gave with `link` (`null` before). `epframe.loaded` and `epframe.resize` are posted when the page
 * is ready, and once more when `link` arrives (ecommpay's `merchant.js` only hears messages with
 * its guid, and it sends `link` after the frame's `load`, so after the first ones); the result and
 * the redirect are posted once, so a parent never sees one payment settle twice.
 */
export const FRAME_SCRIPT = `(function () {
  'use strict';
  var script = document.currentScript;
  var data = script ? script.dataset : {};
  var parentOrigin = data.parentOrigin;
  if (!parentOrigin || window.parent === window) return;
  var guid = null;
  var ready = false;
  var lastSize = '';

  function post(message, body) {
    window.parent.postMessage(JSON.stringify({ message: message, data: body, guid: guid }), parentOrigin);
  }

  function size() {
    var box = document.documentElement.getBoundingClientRect();
    return { width: Math.ceil(box.width), height: Math.ceil(box.height) };
  }

  function resize(always) {
    var now = size();
    var key = now.width + 'x' + now.height;
    if (!always && key === lastSize) return;
    lastSize = key;
    post('epframe.resize', now);
  }

  function payment() {
    var p = { id: data.paymentId };
    if (data.paymentStatus !== undefined) p.status = data.paymentStatus;
    if (data.paymentCode !== undefined) p.code = data.paymentCode;
    if (data.paymentMessage !== undefined) p.result_message = data.paymentMessage;
    return { payment: p };
  }

  function onReady() {
    ready = true;
    post('epframe.loaded', {});
    resize(true);
    if (data.result === 'success' || data.result === 'fail') post('epframe.payment.' + data.result, payment());
    if (data.redirectUrl) post('epframe.redirect', { url: data.redirectUrl });
    var form = data.sentForm ? document.getElementById(data.sentForm) : null;
    if (form) form.addEventListener('submit', function () { post('epframe.payment.sent', payment()); });
    if (typeof ResizeObserver === 'function') new ResizeObserver(function () { resize(false); }).observe(document.documentElement);
    window.addEventListener('load', function () { resize(false); });
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== parentOrigin || event.source !== window.parent) return;
    var message = event.data;
    if (typeof message === 'string') {
      try { message = JSON.parse(message); } catch (error) { return; }
    }
    if (!message || typeof message !== 'object') return;
    if (message.message === 'link' && typeof message.guid === 'string') {
      var first = guid === null;
      guid = message.guid;
      if (first && ready) {
        post('epframe.loaded', {});
        resize(true);
      }
    } else if (message.message === 'resize' && ready) {
      resize(true);
    }
  });

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', onReady);
  else onReady();
})();
`;
