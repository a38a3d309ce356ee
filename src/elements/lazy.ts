/**
 * Defines a custom element only when one first appears in the document, loading its code then
 * (a chunk of its own in the CDN build). For the CDN entry, to keep `<ecommpay-payout-form>` and
 * the Gate schemas it carries out of what every checkout page downloads:
 *
 *   lazyDefine('ecommpay-payout-form', () => import('./elements/payout-form/define.ts'));
 *
 * Elements inside other elements' shadow roots are not seen: define those where they are used.
 * `customElements.whenDefined(tag)` tells a page when the element is ready.
 */
export function lazyDefine(tag: string, load: () => Promise<unknown>): void {
  if (typeof document === 'undefined' || customElements.get(tag)) return;
  const observer = new MutationObserver(() => check());
  const check = (): boolean => {
    if (!document.querySelector(tag)) return false;
    observer.disconnect();
    void load();
    return true;
  };
  if (!check()) observer.observe(document.documentElement, { childList: true, subtree: true });
}
