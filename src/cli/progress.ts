/**
 * A live progress line on stderr for terminals: "sources 3/10 · 5 new · 1 error".
 * Other stderr lines are printed above it; on a non-terminal nothing is drawn, so
 * logs and pipes only ever see whole lines.
 */
import type { Io } from './io.js';

export interface ProgressCounts {
  done: number;
  total: number;
  newItems: number;
  errors: number;
}

export class ProgressLine {
  private counts: ProgressCounts = { done: 0, total: 0, newItems: 0, errors: 0 };
  private drawn = false;

  constructor(
    private readonly io: Io,
    /** Whether to draw at all (a TTY and not --quiet/--json-only). */
    private readonly enabled: boolean,
    private readonly label = 'sources',
  ) {}

  update(counts: Partial<ProgressCounts>): void {
    this.counts = { ...this.counts, ...counts };
    this.draw();
  }

  /** Print a whole line above the progress line. */
  log(line: string): void {
    this.clear();
    this.io.stderr.write(`${line}\n`);
    this.draw();
  }

  /** Remove the line (at the end of a run). */
  done(): void {
    this.clear();
  }

  private draw(): void {
    if (!this.enabled) return;
    const { done, total, newItems, errors } = this.counts;
    const text = `${this.label} ${done}/${total} · ${newItems} new · ${errors} error${errors === 1 ? '' : 's'}`;
    this.io.stderr.write(`\r\u001b[2K${text}`);
    this.drawn = true;
  }

  private clear(): void {
    if (!this.drawn) return;
    this.io.stderr.write('\r\u001b[2K');
    this.drawn = false;
  }
}
