/**
 * A node:http server on 127.0.0.1 (port 0) for the polite-fetch tests: routes by
 * path, records every request (path, arrival time, headers) and the most requests
 * it ever had in flight at once.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface ReceivedRequest {
  path: string;
  /** Date.now() when the request arrived. */
  time: number;
  headers: IncomingHttpHeaders;
}

export interface TestServer {
  /** `http://127.0.0.1:PORT` */
  base: string;
  /** `127.0.0.1:PORT`, the scheduler's host key. */
  host: string;
  route(path: string, handler: Handler): string;
  requests: ReceivedRequest[];
  /** Requests for one path, in arrival order. */
  requestsFor(path: string): ReceivedRequest[];
  inFlight: { now: number; max: number };
  close(): Promise<void>;
}

/** A handler answering with a fixed status, headers and body. */
export function send(status: number, headers: Record<string, string> = {}, body = ''): Handler {
  return (_req, res) => {
    res.writeHead(status, headers);
    res.end(body);
  };
}

export async function startServer(): Promise<TestServer> {
  const routes = new Map<string, Handler>();
  const requests: ReceivedRequest[] = [];
  const inFlight = { now: 0, max: 0 };
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ path, time: Date.now(), headers: req.headers });
    inFlight.now++;
    inFlight.max = Math.max(inFlight.max, inFlight.now);
    res.on('close', () => inFlight.now--);
    const handler = routes.get(path) ?? send(404, { 'content-type': 'text/plain' }, 'no such page');
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    host: `127.0.0.1:${port}`,
    route(path, handler) {
      routes.set(path, handler);
      return base + path;
    },
    requests,
    requestsFor: (path) => requests.filter((request) => request.path === path),
    inFlight,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
