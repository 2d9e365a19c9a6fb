import { randomUUID } from "node:crypto";
import { createMiddleware } from "hono/factory";
import type { AppEnv, Deps } from "../context";

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/** Request id (kept from a trusted proxy's header when well-formed), a child logger, and one access log line. */
export function requestContext(deps: Deps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const incoming = c.req.header("x-request-id");
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    const log = deps.log.child({ requestId });
    c.set("requestId", requestId);
    c.set("log", log);
    c.set("deps", deps);
    c.set("user", null);
    c.header("X-Request-Id", requestId);
    const started = performance.now();
    await next();
    const ms = Math.round(performance.now() - started);
    const status = c.res.status;
    if (c.req.path.startsWith("/api/")) {
      log[status >= 500 ? "error" : "info"]("request", { method: c.req.method, path: c.req.path, status, ms });
    }
  });
}
