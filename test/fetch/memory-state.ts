/** In-memory HttpCacheStore and HostStateStore for tests, with a log of writes. */
import type { CacheValidators, HostStateStore, HttpCacheStore } from '../../src/fetch/state.js';

export class MemoryHttpCache implements HttpCacheStore {
  readonly entries = new Map<string, CacheValidators>();
  readonly writes: { url: string; validators: CacheValidators }[] = [];

  getValidators(url: string): CacheValidators | null {
    return this.entries.get(url) ?? null;
  }

  setValidators(url: string, validators: CacheValidators): void {
    this.writes.push({ url, validators });
    if (validators.etag === null && validators.lastModified === null) this.entries.delete(url);
    else this.entries.set(url, validators);
  }
}

export class MemoryHostState implements HostStateStore {
  readonly notBefore = new Map<string, number>();

  getNotBefore(host: string): number | null {
    return this.notBefore.get(host) ?? null;
  }

  setNotBefore(host: string, epochMs: number | null): void {
    if (epochMs === null) this.notBefore.delete(host);
    else this.notBefore.set(host, epochMs);
  }
}
