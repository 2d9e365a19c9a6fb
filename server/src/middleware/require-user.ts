import { createMiddleware } from "hono/factory";
import { msg } from "../i18n/api";
import type { AppEnv, Ctx, SessionUser } from "../context";
import { AppError, unauthorized } from "../lib/errors";

type AuthedEnv = AppEnv & { Variables: { user: SessionUser } };

/** 401 unless the session middleware (auth/mount.ts) resolved a user for this request. */
export const requireUser = createMiddleware<AuthedEnv>(async (c, next) => {
  if (!c.get("user")) throw unauthorized();
  await next();
});

/** 403 unless the user is an admin. */
export const requireAdmin = createMiddleware<AuthedEnv>(async (c, next) => {
  const user = c.get("user");
  if (!user) throw unauthorized();
  if (user.role !== "admin") throw new AppError("FORBIDDEN", msg("auth.adminsOnly"));
  await next();
});

/** The service context for an authenticated request. */
export function ctxOf(c: {
  get(key: "deps"): AppEnv["Variables"]["deps"];
  get(key: "user"): SessionUser | null;
  get(key: "log"): AppEnv["Variables"]["log"];
  get(key: "requestId"): string;
}): Ctx {
  const user = c.get("user");
  if (!user) throw unauthorized();
  const deps = c.get("deps");
  return { db: deps.database.db, deps, user, log: c.get("log"), now: deps.clock.now(), requestId: c.get("requestId") };
}
