/** Shared helpers for browser tests. */
import { fixtureCleanup } from '@open-wc/testing';

let counter = 0;
/** A key unique to this test run, for the test endpoints' request log. */
export const uniqueKey = (prefix = 'k') => `${prefix}-${Date.now()}-${++counter}`;

export interface Recorded {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  aborted: boolean;
  fields?: [string, string][];
}

/** What the test endpoints recorded under a key. */
export async function recorded(key: string): Promise<Recorded[]> {
  const res = await fetch(`/__test/requests?key=${encodeURIComponent(key)}`);
  return (await res.json()) as Recorded[];
}

/** `/__test/respond` URL answering `body` with `status` after `delay` ms. */
export function respondUrl(key: string, options: { status?: number; delay?: number; body?: unknown; type?: string } = {}): string {
  const q = new URLSearchParams({ key });
  if (options.status !== undefined) q.set('status', String(options.status));
  if (options.delay !== undefined) q.set('delay', String(options.delay));
  if (options.type !== undefined) q.set('type', options.type);
  if (options.body !== undefined) q.set('body', typeof options.body === 'string' ? options.body : JSON.stringify(options.body));
  return `/__test/respond?${q}`;
}

/**
 * Creates an element with attributes and properties, listening to the given events from before it
 * connects (so events fired on the first update are caught), and appends it to the document.
 */
export async function mount<T extends HTMLElement & { updateComplete: Promise<boolean> }>(
  tag: string,
  attributes: Record<string, string | boolean | null | undefined>,
  properties: Record<string, unknown> = {},
  events: string[] = [],
): Promise<{ el: T; events: Map<string, CustomEvent[]> }> {
  const el = document.createElement(tag) as T;
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) el.setAttribute(name, '');
    else if (typeof value === 'string') el.setAttribute(name, value);
  }
  Object.assign(el, properties);
  const seen = new Map<string, CustomEvent[]>();
  for (const type of events) {
    seen.set(type, []);
    el.addEventListener(type, (e) => seen.get(type)!.push(e as CustomEvent));
  }
  const host = document.createElement('div');
  host.dataset.testHost = '';
  document.body.append(host);
  host.append(el);
  await el.updateComplete;
  return { el, events: seen };
}

/** Removes what `mount` added, and stops every `watchFetches`. */
export function cleanup(): void {
  fixtureCleanup();
  for (const host of document.querySelectorAll('[data-test-host]')) host.remove();
  for (const stop of fetchWatches.splice(0).reverse()) stop();
}

const fetchWatches: (() => void)[] = [];

export interface FetchWatch {
  /** How many times the page has called `fetch()` for the URL so far. */
  readonly count: number;
  /** Resolves once the page has called `fetch()` for the URL `n` times in all (at once if it already has). */
  calls(n: number): Promise<void>;
}

/**
 * Counts the page's `fetch()` calls for `url` (compared once resolved against the page), when they
 * are made: unlike the endpoints' request log, the count is exact at once, with nothing in flight.
 * `cleanup()` puts the page's own `fetch` back.
 */
export function watchFetches(url: string): FetchWatch {
  const wanted = new URL(url, location.href).href;
  const original = window.fetch;
  const waiting: { n: number; resolve: () => void }[] = [];
  let count = 0;
  window.fetch = function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
    const href = input instanceof Request ? input.url : new URL(String(input), location.href).href;
    if (href === wanted) {
      count += 1;
      for (const wait of waiting.filter((w) => w.n <= count)) {
        waiting.splice(waiting.indexOf(wait), 1);
        wait.resolve();
      }
    }
    return original.call(window, input, init);
  };
  fetchWatches.push(() => {
    window.fetch = original;
  });
  return {
    get count() {
      return count;
    },
    calls: (n) => (count >= n ? Promise.resolve() : new Promise((resolve) => waiting.push({ n, resolve }))),
  };
}

/**
 * Lets `ms` pass. ONLY for proving that something does not happen (one more poll) once everything
 * that must happen first has been awaited, where no event marks the end: keep it short, and say at
 * the call why nothing can be awaited instead.
 */
export const quietPeriod = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Makes `navigator.userAgent` say `userAgent` (a phone) until the returned function puts the real
 * one back: call it in `beforeEach` and the result in `afterEach`.
 */
export function emulateUserAgent(userAgent: string): () => void {
  const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'userAgent')!;
  Object.defineProperty(navigator, 'userAgent', { configurable: true, get: () => userAgent });
  return () => {
    delete (navigator as unknown as Record<string, unknown>).userAgent;
    Object.defineProperty(Navigator.prototype, 'userAgent', original);
  };
}
