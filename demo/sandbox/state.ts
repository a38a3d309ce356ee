/** What the sandbox's parts share: the test project, its payments and the callback sender. */
import type { CallbackSender } from './callbacks.ts';
import type { SandboxPayment } from './model.ts';

export interface SandboxState {
  /** The one test project this sandbox knows. */
  projectId: number;
  secretKey: string;
  /** The project's callback URL, as configured in ecommpay's dashboard. */
  callbackUrl: () => string;
  /** The sandbox's own origin (for redirect URLs). */
  origin: () => string;
  /** The origins that may show the Payment Page in a frame, besides the sandbox's own (SPEC §10). */
  frameAncestors: () => readonly string[];
  /** Payments by `payment_id`. */
  payments: Map<string, SandboxPayment>;
  sender: CallbackSender;
  /** Timers of scheduled work (callbacks after a Gate request), cleared on close. */
  later: (ms: number, work: () => Promise<void>) => void;
}
