/**
 * The polite scheduler: decides when a request may start. Requests to one host
 * start at least `perHostIntervalMs` apart and never before the host's not-before
 * time (Retry-After, remembered in a HostStateStore across runs); at most
 * `concurrency` tasks run at once overall; and nothing waits past the run's deadline.
 *
 * A request waits first in its host's line (without holding a global slot, so a
 * slow host never blocks the others), then for a global slot. The scheduler only
 * decides start times: a task that has started runs until it ends (fetchPage's
 * own timeouts bound it).
 */
import { setTimeout as sleepTimer } from 'node:timers/promises';
import { FetchError } from '../errors.js';
import type { HostStateStore } from './state.js';

export const DEFAULT_PER_HOST_INTERVAL_MS = 1000;
export const DEFAULT_CONCURRENCY = 4;

/** Waits `ms`; may resolve early (or reject, which is ignored) once `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface HostSchedulerOptions {
  /** Least time between the starts of two requests to the same host. Default 1000. */
  perHostIntervalMs?: number;
  /** Most tasks running at once, all hosts together. Default 4. */
  concurrency?: number;
  /** Epoch ms after which no request may start (the run's time limit), or `null`. */
  deadline?: number | null;
  /** Remembered not-before times per host; `null` keeps them in memory only. */
  hostState?: HostStateStore | null;
  /** Clock, epoch ms. Default `Date.now`. */
  now?: () => number;
  /** Timer. Default a real, abortable timer. */
  sleep?: Sleep;
}

/**
 * The `FetchError` (code `host-not-before`) for a host that asked us to stay away
 * until after the run's deadline. `notBefore` is when it may be asked again.
 */
export class HostNotBeforeError extends FetchError {
  constructor(
    readonly host: string,
    readonly notBefore: number,
  ) {
    super(`${host} asked not to be contacted before ${new Date(notBefore).toISOString()}`, 'host-not-before');
  }
}

/** The key a host is scheduled and remembered under: the URL's host, with a non-default port. */
export function hostKey(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    throw new FetchError(`invalid URL: ${JSON.stringify(url)}`, 'invalid-url');
  }
}

/** The error for a request that could not start before the run's deadline. */
export function deadlineError(): FetchError {
  return new FetchError('run time limit reached', 'deadline');
}

/** Node timers overflow (and fire at once) beyond this. */
const MAX_TIMER_MS = 2_147_483_647;

const defaultSleep: Sleep = async (ms, signal) => {
  const end = Date.now() + ms;
  try {
    for (let left = ms; left > 0 && !signal?.aborted; left = end - Date.now()) {
      await sleepTimer(Math.min(left, MAX_TIMER_MS), undefined, signal ? { signal } : {});
    }
  } catch {
    // Aborted: the caller stopped caring.
  }
};

interface SlotWaiter {
  grant: () => void;
  fail: () => void;
}

/** Decides when each request may start: per-host spacing and not-before, a global cap, a deadline. */
export class HostScheduler {
  readonly perHostIntervalMs: number;
  readonly concurrency: number;
  readonly deadline: number | null;
  readonly now: () => number;
  private readonly sleep: Sleep;
  private readonly hostState: HostStateStore | null;
  /** Start time of the latest request per host. */
  private readonly lastStart = new Map<string, number>();
  /** Not-before times learnt during this run (also written to `hostState`). */
  private readonly notBefore = new Map<string, number>();
  /** Per host, the promise the next request in line waits for. */
  private readonly hostLines = new Map<string, Promise<void>>();
  private running = 0;
  private readonly slotWaiters: SlotWaiter[] = [];
  /** Set by `expire()`: the deadline counts as reached whatever the clock says. */
  private expired = false;

  constructor(options: HostSchedulerOptions = {}) {
    this.perHostIntervalMs = Math.max(0, options.perHostIntervalMs ?? DEFAULT_PER_HOST_INTERVAL_MS);
    this.concurrency = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY));
    this.deadline = options.deadline ?? null;
    this.hostState = options.hostState ?? null;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? defaultSleep;
  }

  /**
   * Run `task` once `url`'s host and a global slot allow it. Rejects with FetchError
   * `deadline` when it cannot start before the deadline, and at once with
   * `HostNotBeforeError` when the host's not-before time lies beyond the deadline.
   */
  async schedule<T>(url: string, task: () => Promise<T>): Promise<T> {
    const host = hostKey(url);
    this.checkHostReachable(host);
    if (this.pastDeadline()) throw deadlineError();

    const releaseLine = await this.joinHostLine(host);
    try {
      await this.waitForStart(host);
    } finally {
      releaseLine();
    }
    try {
      return await task();
    } finally {
      this.releaseSlot();
    }
  }

  /** The host's not-before time (epoch ms) from this run or the store, or `null`. */
  getNotBefore(host: string): number | null {
    const remembered = this.notBefore.get(host) ?? null;
    const stored = this.hostState?.getNotBefore(host) ?? null;
    if (remembered === null) return stored;
    return stored === null ? remembered : Math.max(remembered, stored);
  }

  /** Keep every request to `host` back until `epochMs`, in this run and (with a store) later ones. */
  deferHost(host: string, epochMs: number): void {
    const later = Math.max(epochMs, this.getNotBefore(host) ?? -Infinity);
    this.notBefore.set(host, later);
    this.hostState?.setNotBefore(host, later);
  }

  /**
   * The run's time is up now (e.g. a request was cut off by the deadline's timer,
   * which may fire a hair before the clock reads the deadline): requests waiting
   * for a slot fail with `deadline` and no new one starts.
   */
  expire(): void {
    this.expired = true;
    for (const waiter of this.slotWaiters.splice(0)) waiter.fail();
  }

  private pastDeadline(): boolean {
    return this.expired || (this.deadline !== null && this.now() >= this.deadline);
  }

  /** Throw HostNotBeforeError when the host's not-before time is past the deadline. */
  private checkHostReachable(host: string): void {
    const notBefore = this.getNotBefore(host);
    if (notBefore !== null && this.deadline !== null && notBefore >= this.deadline) {
      throw new HostNotBeforeError(host, notBefore);
    }
  }

  /** Wait until the earlier requests to `host` have started; returns the release for the next one. */
  private async joinHostLine(host: string): Promise<() => void> {
    const ahead = this.hostLines.get(host) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const line = ahead.then(() => mine);
    this.hostLines.set(host, line);
    await ahead;
    return () => {
      release();
      if (this.hostLines.get(host) === line) this.hostLines.delete(host);
    };
  }

  /**
   * Sleep until the host's spacing and not-before time allow a start, then take a
   * global slot. If the slot came late and the host's not-before moved meanwhile
   * (another request got a 429), give the slot back and wait again.
   */
  private async waitForStart(host: string): Promise<void> {
    for (;;) {
      this.checkHostReachable(host);
      const earliest = this.earliestStart(host);
      if (this.deadline !== null && earliest >= this.deadline) throw deadlineError();
      const wait = earliest - this.now();
      if (wait > 0) await this.sleep(wait);

      await this.acquireSlot();
      if (this.pastDeadline()) {
        this.releaseSlot();
        throw deadlineError();
      }
      if (this.now() >= this.earliestStart(host)) {
        this.lastStart.set(host, this.now());
        return;
      }
      this.releaseSlot();
    }
  }

  private earliestStart(host: string): number {
    const last = this.lastStart.get(host);
    const spacing = last === undefined ? -Infinity : last + this.perHostIntervalMs;
    return Math.max(spacing, this.getNotBefore(host) ?? -Infinity, this.now());
  }

  /** Take one of the `concurrency` slots, waiting in line; rejects with `deadline` if none frees up in time. */
  private acquireSlot(): Promise<void> {
    if (this.pastDeadline()) return Promise.reject(deadlineError());
    if (this.running < this.concurrency) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const timer = new AbortController();
      const waiter: SlotWaiter = {
        grant: () => {
          timer.abort();
          resolve();
        },
        fail: () => {
          timer.abort();
          reject(deadlineError());
        },
      };
      this.slotWaiters.push(waiter);
      if (this.deadline === null) return;
      void this.sleep(this.deadline - this.now(), timer.signal).then(() => {
        const index = this.slotWaiters.indexOf(waiter);
        if (index === -1) return; // granted or failed meanwhile
        this.slotWaiters.splice(index, 1);
        reject(deadlineError());
      });
    });
  }

  /** Hand the slot to the next waiter, or free it. */
  private releaseSlot(): void {
    const next = this.slotWaiters.shift();
    if (next !== undefined) next.grant();
    else this.running--;
  }
}
