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

/** Removes what `mount` added. */
export function cleanup(): void {
  fixtureCleanup();
  for (const host of document.querySelectorAll('[data-test-host]')) host.remove();
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
