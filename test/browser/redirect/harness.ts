/**
 * Runs `<ecommpay-redirect>` inside a same-origin iframe with its own copy of the element, so real
 * navigations (form POSTs, `location.assign`) happen in the frame and never take the test page away.
 * The frame's Navigation API records every navigation it starts; `block` cancels them.
 */
import '../../../src/redirect.ts';
import type { EcommpayRedirect } from '../../../src/elements/redirect/ecommpay-redirect.ts';
import { waitUntil } from '@open-wc/testing';
import { cleanup, mount } from '../helpers.ts';

/** The few members of the Navigation API the tests use (not in TypeScript's DOM types yet). */
interface NavigateEvent extends Event {
  readonly destination: { url: string };
  readonly formData: FormData | null;
  readonly navigationType: string;
}
interface NavigationLike {
  addEventListener(type: 'navigate', listener: (event: NavigateEvent) => void): void;
}
type NavigatingWindow = Window & typeof globalThis & { navigation: NavigationLike };

/** A navigation a window started: where to, and the form data of a POST. */
export interface Navigation {
  url: string;
  method: 'GET' | 'POST';
  fields: [string, string][];
}

export const REDIRECT_EVENTS = ['ecommpay-redirect', 'ecommpay-error', 'ecommpay-status'];

/** Records (and with `block`, cancels) the navigations `win` starts. */
export function watchNavigations(win: Window, block: () => boolean): Navigation[] {
  const seen: Navigation[] = [];
  (win as NavigatingWindow).navigation.addEventListener('navigate', (event) => {
    const data = event.formData;
    seen.push({
      url: event.destination.url,
      method: data ? 'POST' : 'GET',
      fields: data ? ([...data.entries()] as [string, string][]) : [],
    });
    if (block() && event.cancelable) event.preventDefault();
  });
  return seen;
}

export interface Frame {
  iframe: HTMLIFrameElement;
  win: NavigatingWindow;
  doc: Document;
  /** Navigations the frame started (recorded before they happen). */
  navigations: Navigation[];
  /** Cancel the frame's navigations (default `true`); set `false` to let them through. */
  block: boolean;
  /** Resolves when the frame has loaded a new document. */
  nextLoad(): Promise<void>;
}

/**
 * Navigations of the test page itself: always cancelled (the test runner's page must stay), and
 * recorded, so tests on the page can assert what would have happened.
 */
export const pageNavigations = watchNavigations(window, () => true);

/** Mounts the element on the test page (navigations are recorded and cancelled). */
export function mountRedirect(attributes: Record<string, string | boolean | null | undefined>, properties: Record<string, unknown> = {}) {
  return mount<EcommpayRedirect>('ecommpay-redirect', attributes, properties, REDIRECT_EVENTS);
}

/** Cleans the page and the frames, and forgets recorded page navigations. */
export function reset(): void {
  cleanup();
  closeFrames();
  pageNavigations.length = 0;
}

const frames: HTMLIFrameElement[] = [];

/** A same-origin iframe with the element defined in it. `sandbox` sets the iframe's sandbox flags. */
export async function openFrame(sandbox?: string, head = ''): Promise<Frame> {
  const iframe = document.createElement('iframe');
  if (sandbox !== undefined) iframe.setAttribute('sandbox', sandbox);
  iframe.title = 'redirect test frame';
  iframe.srcdoc =
    `<!doctype html><html lang="en"><head>${head}<title>frame</title></head><body>` +
    '<script type="module" src="/src/redirect.ts"></script></body></html>';
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  document.body.append(iframe);
  frames.push(iframe);
  await loaded;
  const win = iframe.contentWindow as NavigatingWindow;
  await win.customElements.whenDefined('ecommpay-redirect');
  const frame: Frame = {
    iframe,
    win,
    doc: win.document,
    navigations: [],
    block: true,
    nextLoad: () => new Promise((resolve) => iframe.addEventListener('load', () => resolve(), { once: true })),
  };
  frame.navigations = watchNavigations(win, () => frame.block);
  return frame;
}

/**
 * Creates the element in the frame with attributes and properties, listening to its events from
 * before it connects, and appends it to the frame's body.
 */
export async function mountIn(
  frame: Frame,
  attributes: Record<string, string | boolean | null | undefined>,
  properties: Record<string, unknown> = {},
): Promise<{ el: EcommpayRedirect; events: Map<string, CustomEvent[]> }> {
  const el = frame.doc.createElement('ecommpay-redirect') as EcommpayRedirect;
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) el.setAttribute(name, '');
    else if (typeof value === 'string') el.setAttribute(name, value);
  }
  Object.assign(el, properties);
  const events = new Map<string, CustomEvent[]>();
  for (const type of REDIRECT_EVENTS) {
    events.set(type, []);
    el.addEventListener(type, (e) => events.get(type)!.push(e as CustomEvent));
  }
  frame.doc.body.append(el);
  await el.updateComplete;
  return { el, events };
}

/** Removes every frame `openFrame` added. */
export function closeFrames(): void {
  for (const iframe of frames.splice(0)) iframe.remove();
}

/** Waits until `check` is true, looking every 20 ms (or fails after `timeout` ms). */
export function until(check: () => boolean | Promise<boolean>, message: string, timeout = 4000): Promise<void> {
  return waitUntil(check, `waiting: ${message}`, { interval: 20, timeout });
}

/** Shadow-root helpers. */
export const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
export const statusText = (el: Element) => part(el, 'status')!.textContent!.trim();
export const alertText = (el: Element) => part(el, 'error')!.textContent!.replace(/\s+/g, ' ').trim();
