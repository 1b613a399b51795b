/**
 * The one shared undici dispatcher (keep-alive connection pool, proxy-aware).
 * Created lazily on the first fetch so commands that never fetch never load undici.
 */
import type { Dispatcher } from 'undici';

/** Connect timeout used when the caller does not choose one. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

/**
 * Dispatchers by connect timeout: the connect timeout is a property of the pool,
 * not of a request, so a caller asking for a different one gets its own pool.
 * In practice every fetch uses the default and there is exactly one.
 */
const dispatchers = new Map<number, Promise<Dispatcher>>();

/**
 * The shared dispatcher: an `EnvHttpProxyAgent`, which honours HTTP_PROXY,
 * HTTPS_PROXY and NO_PROXY and acts as a plain keep-alive Agent when none is set.
 */
export function getAgent(connectTimeoutMs: number = DEFAULT_CONNECT_TIMEOUT_MS): Promise<Dispatcher> {
  let dispatcher = dispatchers.get(connectTimeoutMs);
  if (dispatcher === undefined) {
    dispatcher = import('undici').then(
      ({ EnvHttpProxyAgent }) =>
        new EnvHttpProxyAgent({
          connect: { timeout: connectTimeoutMs },
          keepAliveTimeout: 10_000,
          keepAliveMaxTimeout: 60_000,
        }),
    );
    dispatchers.set(connectTimeoutMs, dispatcher);
    // A failed import must not poison later calls.
    dispatcher.catch(() => dispatchers.delete(connectTimeoutMs));
  }
  return dispatcher;
}

/** Close the shared dispatcher(s) so the process can exit; call once at the end of a run. */
export async function closeAgent(): Promise<void> {
  const pending = [...dispatchers.values()];
  dispatchers.clear();
  await Promise.all(
    pending.map(async (dispatcher) => {
      try {
        await (await dispatcher).close();
      } catch {
        // Nothing to close if it never came up.
      }
    }),
  );
}
