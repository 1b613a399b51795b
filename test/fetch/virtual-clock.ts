/**
 * A virtual clock for scheduler tests: `sleep` registers a timer, and whenever the
 * process has nothing else to do (a setImmediate turn) the earliest timer fires and
 * time jumps to it. Tests run in no real time and see exact, repeatable times.
 */
interface Timer {
  at: number;
  order: number;
  resolve: () => void;
}

export class VirtualClock {
  private time: number;
  private timers: Timer[] = [];
  private counter = 0;
  private ticking = false;
  /** Every sleep asked for, in ms, in order. */
  readonly sleeps: number[] = [];

  constructor(start = 0) {
    this.time = start;
  }

  readonly now = (): number => this.time;

  readonly sleep = (ms: number, signal?: AbortSignal): Promise<void> => {
    this.sleeps.push(ms);
    return new Promise<void>((resolve) => {
      const timer: Timer = { at: this.time + Math.max(0, ms), order: this.counter++, resolve };
      this.timers.push(timer);
      signal?.addEventListener(
        'abort',
        () => {
          this.timers = this.timers.filter((other) => other !== timer);
          resolve();
        },
        { once: true },
      );
      this.tick();
    });
  };

  private tick(): void {
    if (this.ticking) return;
    this.ticking = true;
    setImmediate(() => {
      this.ticking = false;
      if (this.timers.length === 0) return;
      this.timers.sort((a, b) => a.at - b.at || a.order - b.order);
      const next = this.timers.shift()!;
      this.time = Math.max(this.time, next.at);
      next.resolve();
      if (this.timers.length > 0) this.tick();
    });
  }
}
