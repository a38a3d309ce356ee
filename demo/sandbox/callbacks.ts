/**
 * Callback delivery, as ecommpay does it: a signed JSON POST to the merchant's callback URL,
 * retried until the merchant answers HTTP 200, on ecommpay's schedule (SPEC §9; scaled down in
 * tests). Every attempt of a delivery sends the very same bytes.
 *
 * For fault tests, deliveries can be held: while held, new deliveries and retries that fall due
 * wait (they are neither attempted nor counted) until `release()` attempts every one at once.
 */
import { signParams } from '../../src/server/index.ts';

const SECOND = 1000;
const HOUR = 3600 * SECOND;
const DAY = 24 * HOUR;

/** ecommpay's documented bounds on retries of an unacknowledged callback (SPEC §9). */
export const ECOMMPAY_RETRY_LIMITS = {
  /** The first retries: every 10 s … */
  first: 10 * SECOND,
  /** … six times. */
  firstCount: 6,
  /** Then growing intervals, up to 4 h each. */
  longest: 4 * HOUR,
  /** At most 120 attempts in all (the first and 119 retries) … */
  attempts: 120,
  /** … over at most 11 days. */
  span: 11 * DAY,
} as const;

/**
 * How much each interval grows after the first six. ecommpay documents the bounds, not the
 * curve; ×1.125 per retry is the gentlest whole-ratio growth that reaches 4 h and makes the
 * 120 attempts fit in 11 days (they span about 10 days).
 */
const GROWTH = 1.125;

/** The real schedule (ms), computed once. */
const BASE_SCHEDULE: readonly number[] = (() => {
  const { first, firstCount, longest, attempts, span } = ECOMMPAY_RETRY_LIMITS;
  const waits: number[] = Array.from({ length: firstCount }, () => first);
  let total = first * firstCount;
  let interval = first;
  while (waits.length < attempts - 1) {
    interval = Math.min(longest, interval * GROWTH);
    const wait = Math.round(interval / SECOND) * SECOND; // whole seconds, as a scheduler would
    if (total + wait > span) break;
    waits.push(wait);
    total += wait;
  }
  return Object.freeze(waits);
})();

/**
 * The waits (ms) between attempts of an unacknowledged callback, as ecommpay documents them:
 * every 10 s six times, then growing intervals up to 4 h each, at most 120 attempts over at most
 * 11 days (SPEC §9). `waits[i]` is the wait after attempt `i + 1`; after the last, the sender gives
 * up. `timeScale` multiplies every wait (tests use e.g. `0.01`: 100 ms), rounded to whole
 * milliseconds, at least 1.
 */
export function ecommpayRetrySchedule(timeScale = 1): number[] {
  if (!(timeScale > 0) || !Number.isFinite(timeScale)) throw new RangeError(`ecommpayRetrySchedule: timeScale must be a positive number, not ${timeScale}`);
  return BASE_SCHEDULE.map((wait) => Math.max(1, Math.round(wait * timeScale)));
}

export interface Attempt {
  at: string;
  /** HTTP status, or `0` when the request failed. */
  status: number;
  error?: string;
}

export interface Delivery {
  id: number;
  url: string;
  paymentId: string;
  /** The signed callback. */
  body: Record<string, unknown>;
  attempts: Attempt[];
  acknowledged: boolean;
  /** `true` for a copy sent on request (the sandbox's "Send again"). */
  replay: boolean;
  /** Waiting for `release()` (held: not attempted yet, not counted). */
  waiting: boolean;
  /** When the next retry is due (ISO), while one is scheduled. */
  nextAttemptAt: string | null;
  /** Every attempt of the schedule failed: no more retries. */
  gaveUp: boolean;
}

/** What a sender reports to its listeners. */
export type DeliveryEvent =
  | { type: 'attempt'; delivery: Delivery; attempt: Attempt }
  | { type: 'waiting'; delivery: Delivery }
  | { type: 'gave-up'; delivery: Delivery };

export class CallbackSender {
  readonly deliveries: Delivery[] = [];
  private readonly timers = new Map<Delivery, ReturnType<typeof setTimeout>>();
  private readonly queue = new Set<Delivery>();
  private readonly listeners = new Set<(event: DeliveryEvent) => void>();
  /** Requests in flight, aborted by `close()`. */
  private readonly inFlight = new Set<AbortController>();
  private closed = false;
  private holding = false;
  /** The exact text each delivery sends (byte-identical on every attempt). */
  private readonly texts = new WeakMap<Delivery, string>();

  constructor(
    private readonly secretKey: string,
    /** The waits between attempts (ms); after the last, the sender gives up. */
    readonly intervals: readonly number[] = ecommpayRetrySchedule(),
  ) {}

  /** `true` between `hold()` and `release()`. */
  get held(): boolean {
    return this.holding;
  }

  /** Deliveries waiting for `release()`. */
  get waiting(): number {
    return this.queue.size;
  }

  /** Retries scheduled (timers running). */
  get scheduled(): number {
    return this.timers.size;
  }

  /** Listens to attempts, holds and give-ups; returns the unsubscribe function. */
  subscribe(listener: (event: DeliveryEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The callback with its signature, ready to deliver. Throws `AmbiguousPayloadError` when the
   * callback cannot be signed (SPEC §11); nothing is registered or sent then.
   */
  async sign(callback: Record<string, unknown>): Promise<Record<string, unknown>> {
    const body = { ...callback };
    delete body.signature;
    body.signature = await signParams(body, this.secretKey);
    return body;
  }

  /**
   * Signs and sends a callback; resolves after the first attempt (retries go on in the
   * background), or at once when held. Rejects (with nothing registered) when it cannot be signed.
   */
  async send(url: string, callback: Record<string, unknown>, replay = false): Promise<Delivery> {
    return this.deliver(url, await this.sign(callback), replay);
  }

  /** Sends a callback already signed by {@link sign}; never throws. */
  async deliver(url: string, signedBody: Record<string, unknown>, replay = false): Promise<Delivery> {
    const payment = signedBody.payment as { id?: unknown } | undefined;
    const delivery: Delivery = {
      id: this.deliveries.length + 1,
      url,
      paymentId: String(payment?.id ?? ''),
      body: signedBody,
      attempts: [],
      acknowledged: false,
      replay,
      waiting: false,
      nextAttemptAt: null,
      gaveUp: false,
    };
    this.texts.set(delivery, JSON.stringify(signedBody));
    this.deliveries.push(delivery);
    await this.due(delivery);
    return delivery;
  }

  /** Sends a delivered callback again, byte for byte (a duplicate, as retries produce). */
  async resend(id: number): Promise<Delivery | null> {
    const original = this.deliveries.find((d) => d.id === id);
    if (!original) return null;
    const copy: Delivery = {
      ...original,
      id: this.deliveries.length + 1,
      attempts: [],
      acknowledged: false,
      replay: true,
      waiting: false,
      nextAttemptAt: null,
      gaveUp: false,
    };
    this.texts.set(copy, this.texts.get(original) ?? JSON.stringify(original.body));
    this.deliveries.push(copy);
    await this.due(copy);
    return copy;
  }

  /** From now on, new deliveries and retries that fall due wait (not attempted, not counted). */
  hold(): void {
    if (!this.closed) this.holding = true;
  }

  /** Ends the hold and attempts every waiting delivery at once; resolves when those attempts are done. */
  async release(): Promise<void> {
    this.holding = false;
    const released = [...this.queue];
    this.queue.clear();
    for (const delivery of released) delivery.waiting = false;
    await Promise.all(released.map((delivery) => this.attempt(delivery)));
  }

  /** Stops everything: pending retries, waiting deliveries, requests in flight. */
  close(): void {
    this.closed = true;
    this.holding = false;
    for (const [delivery, timer] of this.timers) {
      clearTimeout(timer);
      delivery.nextAttemptAt = null;
    }
    this.timers.clear();
    for (const delivery of this.queue) delivery.waiting = false;
    this.queue.clear();
    for (const controller of this.inFlight) controller.abort();
    this.inFlight.clear();
  }

  private emit(event: DeliveryEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        console.error('[sandbox] callback listener', error);
      }
    }
  }

  /** A first attempt or a retry falls due: attempt it, or keep it waiting while held. */
  private async due(delivery: Delivery): Promise<void> {
    if (this.closed) return;
    if (this.holding) {
      delivery.waiting = true;
      this.queue.add(delivery);
      this.emit({ type: 'waiting', delivery });
      return;
    }
    await this.attempt(delivery);
  }

  private async attempt(delivery: Delivery): Promise<void> {
    if (this.closed || delivery.acknowledged) return;
    const at = new Date().toISOString();
    let attempt: Attempt;
    const controller = new AbortController();
    const timeout = setTimeout(() => controller.abort(new Error('no answer within 5 s')), 5000);
    this.inFlight.add(controller);
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: this.texts.get(delivery) ?? JSON.stringify(delivery.body),
        signal: controller.signal,
      });
      await response.arrayBuffer().catch(() => undefined);
      attempt = { at, status: response.status };
    } catch (error) {
      attempt = { at, status: 0, error: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(timeout);
      this.inFlight.delete(controller);
    }
    if (this.closed) return; // stopped while in flight: nothing more to record
    delivery.attempts.push(attempt);
    if (attempt.status === 200) delivery.acknowledged = true;
    this.emit({ type: 'attempt', delivery, attempt });
    if (delivery.acknowledged) return;

    const wait = this.intervals[delivery.attempts.length - 1];
    if (wait === undefined) {
      delivery.gaveUp = true;
      this.emit({ type: 'gave-up', delivery });
      return;
    }
    delivery.nextAttemptAt = new Date(Date.now() + wait).toISOString();
    const timer = setTimeout(() => {
      this.timers.delete(delivery);
      delivery.nextAttemptAt = null;
      this.due(delivery).catch((error: unknown) => console.error('[sandbox] callback retry', error));
    }, wait);
    this.timers.set(delivery, timer);
  }
}
