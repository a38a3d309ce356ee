/**
 * Async work done one way in every element: one job at a time per controller. A new run aborts
 * the one before, an answer that arrives after it was superseded (or after the element left the
 * page) is dropped, and a failure reaches `failed` instead of vanishing as an unhandled rejection.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class Job implements ReactiveController {
  private _current: AbortController | null = null;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Whether a run is under way. */
  get running(): boolean {
    return this._current !== null;
  }

  /**
   * Runs `work` with a signal that aborts when superseded or disconnected. `done` gets the answer
   * and `failed` the error, only while this run is still the current one. Resolves when settled.
   */
  async run<T>(work: (signal: AbortSignal) => Promise<T>, done: (value: T) => void, failed: (error: unknown) => void): Promise<void> {
    this.abort();
    const controller = new AbortController();
    this._current = controller;
    try {
      const value = await work(controller.signal);
      if (this._current === controller) done(value);
    } catch (error) {
      if (this._current === controller) failed(error);
    } finally {
      if (this._current === controller) this._current = null;
    }
  }

  /** Stops the current run: its answer, or its failure, will be dropped. */
  abort(reason?: unknown): void {
    this._current?.abort(reason);
    this._current = null;
  }

  hostDisconnected(): void {
    this.abort();
  }
}
