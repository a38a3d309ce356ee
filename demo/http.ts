/**
 * Small helpers the demo's servers share. The Node ↔ Fetch adapter is the package's own
 * `toNodeHandler` (`ecommpay-elements/server`).
 */

/** A JSON `Response` (the package's `jsonResponse`). */
export { jsonResponse as json } from '../src/server/http.ts';

/** Escapes text for HTML (element content and quoted attribute values). */
export const esc = (value: unknown): string =>
  String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** A random identifier: `prefix` + hex. */
export const randomId = (prefix = '', bytes = 8): string =>
  prefix + Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');

/** ecommpay's date format: `2019-03-19T15:22:05+0000`. */
export const ecommpayDate = (date: Date = new Date()): string => date.toISOString().replace(/\.\d{3}Z$/, '+0000');
