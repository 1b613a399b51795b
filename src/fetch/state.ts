/**
 * What the polite fetcher remembers between runs, as interfaces: the store
 * (src/store/) implements them with SQLite, tests with plain maps. Keeping them here
 * lets the fetch stage stay free of SQL.
 */

/** Validators from the last 200 response for a URL, for conditional GET. */
export interface CacheValidators {
  etag: string | null;
  lastModified: string | null;
}

export interface HttpCacheStore {
  /** Validators remembered for a URL (exact URL string), or `null`. */
  getValidators(url: string): CacheValidators | null;
  /** Remember (or, with both `null`, forget) the validators for a URL. */
  setValidators(url: string, validators: CacheValidators): void;
}

export interface HostStateStore {
  /** Epoch milliseconds before which no request may go to the host (Retry-After), or `null`. */
  getNotBefore(host: string): number | null;
  setNotBefore(host: string, epochMs: number | null): void;
}
