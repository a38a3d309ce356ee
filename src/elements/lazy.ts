/**
 * Elements whose code loads when first needed (a chunk of its own in the CDN build):
 *
 *   lazyDefine('ecommpay-payout-form', loadPayoutForm);   // see ./loaders.ts
 *
 * A chunk that fails to load (offline, a CDN hiccup) is not remembered as failed: each element
 * waiting for it gets `ecommpay-error` with code `load-failed`, and the next use tries again.
 */
import type { EcommpayErrorDetail } from '../core/errors.ts';

const loading = new Map<string, Promise<unknown>>();

/** Runs `load` once per `key` while it succeeds or is under way; after a failure, the next call runs it again. */
export function loadOnce<T>(key: string, load: () => Promise<T>): Promise<T> {
  let promise = loading.get(key) as Promise<T> | undefined;
  if (!promise) {
    promise = load().catch((error: unknown) => {
      loading.delete(key);
      throw error;
    });
    loading.set(key, promise);
  }
  return promise;
}

/** The `ecommpay-error` detail for code (`what`) that could not be loaded. */
export const loadFailure = (what: string, error: unknown): EcommpayErrorDetail => ({
  code: 'load-failed',
  message: `The code of ${what} could not be loaded (it is tried again on the next use): ${error instanceof Error ? error.message : String(error)}`,
});

/**
 * Defines `tag` when one first appears in the document, loading its code then. Elements inside
 * other elements' shadow roots are not seen: load those where they are used.
 * `customElements.whenDefined(tag)` tells a page when the element is ready.
 */
export function lazyDefine(tag: string, load: () => Promise<unknown>): void {
  if (typeof document === 'undefined' || customElements.get(tag)) return;
  const observer = new MutationObserver(() => check());
  const check = (): void => {
    if (customElements.get(tag)) return observer.disconnect();
    if (!document.querySelector(tag)) return;
    observer.disconnect();
    load().catch((error: unknown) => {
      // A plain CustomEvent, shaped like EcommpayErrorEvent: this file is in the CDN entry, which
      // must not wait for the runtime chunk (lit, zod/mini) before it can request an element's chunk.
      for (const element of document.querySelectorAll(tag)) {
        element.dispatchEvent(new CustomEvent('ecommpay-error', { detail: loadFailure(`<${tag}>`, error), bubbles: true, composed: true }));
      }
      // Tried again when the next one appears.
      observer.observe(document.documentElement, { childList: true, subtree: true });
    });
  };
  check();
  if (!customElements.get(tag) && !document.querySelector(tag)) observer.observe(document.documentElement, { childList: true, subtree: true });
}
