/**
 * Callback delivery, as ecommpay does it: a signed JSON POST to the merchant's callback URL,
 * retried until the merchant answers HTTP 200. ecommpay retries every 10 s six times, then at
 * growing intervals for days (SPEC §9); the sandbox keeps the shape with short intervals.
 */
import { signParams } from '../../src/server/index.ts';

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
}

/** Short retry intervals (ms): five quick ones, then growing. */
export const RETRY_INTERVALS = [250, 500, 1000, 2000, 4000, 8000, 15000, 30000];

export class CallbackSender {
  readonly deliveries: Delivery[] = [];
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private closed = false;

  constructor(
    private readonly secretKey: string,
    private readonly intervals: readonly number[] = RETRY_INTERVALS,
  ) {}

  /** Signs and sends a callback; resolves after the first attempt (retries go on in the background). */
  async send(url: string, callback: Record<string, unknown>, replay = false): Promise<Delivery> {
    const body = { ...callback };
    delete body.signature;
    body.signature = await signParams(body, this.secretKey);
    const payment = body.payment as { id?: string } | undefined;
    const delivery: Delivery = {
      id: this.deliveries.length + 1,
      url,
      paymentId: String(payment?.id ?? ''),
      body,
      attempts: [],
      acknowledged: false,
      replay,
    };
    this.deliveries.push(delivery);
    await this.attempt(delivery);
    return delivery;
  }

  /** Sends a delivered callback again, byte for byte (a duplicate, as retries produce). */
  async resend(id: number): Promise<Delivery | null> {
    const original = this.deliveries.find((d) => d.id === id);
    if (!original) return null;
    const copy: Delivery = { ...original, id: this.deliveries.length + 1, attempts: [], acknowledged: false, replay: true };
    this.deliveries.push(copy);
    await this.attempt(copy);
    return copy;
  }

  private async attempt(delivery: Delivery): Promise<void> {
    if (this.closed) return;
    const at = new Date().toISOString();
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(delivery.body),
        signal: AbortSignal.timeout(5000),
      });
      await response.arrayBuffer().catch(() => undefined);
      delivery.attempts.push({ at, status: response.status });
      if (response.status === 200) {
        delivery.acknowledged = true;
        return;
      }
    } catch (error) {
      delivery.attempts.push({ at, status: 0, error: error instanceof Error ? error.message : String(error) });
    }
    const wait = this.intervals[delivery.attempts.length - 1];
    if (wait === undefined || this.closed) return; // gave up
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(delivery);
    }, wait);
    this.timers.add(timer);
  }

  /** Stops every pending retry. */
  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
