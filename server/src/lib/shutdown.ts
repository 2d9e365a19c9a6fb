import { type Server, ServerResponse } from "node:http";
import type { Http2Bindings, HttpBindings, ServerType } from "@hono/node-server";
import type { Logger } from "./logger";

/**
 * A process's "we are going away" signal. Long-lived responses (the job event stream) listen to it and end
 * themselves with a reconnect hint, so clients move to another process while the rest of the requests drain.
 */
export class Drain {
  private readonly controller = new AbortController();

  get draining(): boolean {
    return this.controller.signal.aborted;
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  begin(): void {
    if (!this.draining) this.controller.abort();
  }
}

const drains = new WeakMap<object, Drain>();

/** The drain of one process's services (keyed by its deps, so every app in a test process has its own). */
export function drainFor(owner: object): Drain {
  let drain = drains.get(owner);
  if (!drain) {
    drain = new Drain();
    drains.set(owner, drain);
  }
  return drain;
}

/** How long a client waits before reconnecting an event stream this process closed (ms, jittered per stream). */
export function reconnectDelayMs(): number {
  return 500 + Math.floor(Math.random() * 1500);
}

/**
 * Marks every response sent while draining with `Connection: close`, so keep-alive clients open their next
 * request elsewhere. Wraps the fetch handler given to @hono/node-server's `serve`.
 */
export function closeConnectionsWhileDraining(
  drain: Drain,
  fetch: (req: Request, env: HttpBindings | Http2Bindings) => unknown,
) {
  return (req: Request, env: HttpBindings | Http2Bindings) => {
    const out = env.outgoing;
    if (drain.draining && out instanceof ServerResponse && !out.headersSent) out.setHeader("Connection", "close");
    return fetch(req, env);
  };
}

export interface CloseServerOptions {
  drain: Drain;
  /** How long in-flight requests may run on before their connections are cut. */
  drainMs: number;
  log: Logger;
}

/**
 * Graceful stop of an HTTP server: stop accepting connections at once, tell event streams to close with a
 * retry hint, let in-flight requests (a streamed ZIP) finish, and cut whatever still runs after `drainMs`.
 * Resolves `{ forced }`: true when the drain time ran out.
 */
export function closeServer(server: ServerType, opts: CloseServerOptions): Promise<{ forced: boolean }> {
  const http = server as Server;
  opts.drain.begin();
  return new Promise((resolve) => {
    let forced = false;
    // A connection that finished its response sits idle under keep-alive: close those as they appear.
    const sweep = setInterval(() => http.closeIdleConnections?.(), 100);
    const deadline = setTimeout(() => {
      forced = true;
      opts.log.warn("drain time over: closing the remaining connections", { drainMs: opts.drainMs });
      http.closeAllConnections?.();
    }, opts.drainMs);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(deadline);
      resolve({ forced });
    });
    http.closeIdleConnections?.();
  });
}
