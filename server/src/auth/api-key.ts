import { API_KEY_PREFIX } from "@image-studio/shared";
import { msg } from "../i18n/api";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { matchedRoutes } from "hono/route";
import type { AppEnv, Deps } from "../context";
import { AppError } from "../lib/errors";
import { keyAccess, stripPatterns } from "../modules/keys/key-scopes";
import * as keys from "../modules/keys/keys.repo";
import { hashKey } from "../modules/keys/keys.service";
import { isAdminEmail } from "./auth-hooks";
import { clientIp } from "./client-ip";
import { consume } from "./rate-limit";

/** "Last used" is written at most this often per key (and whenever the address changes). */
const TOUCH_EVERY_MS = 60 * 1000;

const bearerRequests = new WeakSet<Request>();

/** Whether this request authenticates with `Authorization: Bearer` (cookies are then ignored). */
export const isBearerRequest = (c: Context) => bearerRequests.has(c.req.raw);

/** The route that will answer (the first handler in the match that is not middleware), patterns stripped. */
function endpointOf(c: Context): string | undefined {
  const route = matchedRoutes(c).find((r) => r.method !== "ALL");
  return route && stripPatterns(route.path);
}

const invalidKey = () =>
  new AppError("UNAUTHORIZED", msg("apiKey.invalid"), {
    reason: "INVALID_API_KEY",
  });

async function resolveKey(deps: Deps, token: string) {
  if (!token.startsWith(API_KEY_PREFIX) || token.length > 200) throw invalidKey();
  const found = await keys.byHash(deps.database.db, hashKey(token));
  const now = deps.clock.now().getTime();
  if (!found || (found.key.expiresAt && found.key.expiresAt.getTime() <= now)) throw invalidKey();
  const u = found.user;
  const banned = u.banned && (!u.banExpires || u.banExpires.getTime() > now);
  if (!u.isActive || banned || u.isAnonymous) throw invalidKey();
  return found;
}

async function rateLimit(deps: Deps, keyId: string) {
  const max = deps.env.API_KEY_RATE_LIMIT_PER_MINUTE;
  const decision = await consume(deps.database.db, `apikey:${keyId}`, { window: 60, max }, deps.clock.now().getTime());
  if (decision.allowed) return;
  const retryAfter = String(decision.retryAfter ?? 60);
  throw new AppError(
    "RATE_LIMITED",
    msg("apiKey.rateLimited", { max, seconds: retryAfter }),
    { reason: "API_KEY_RATE_LIMIT", limit: max },
    { "Retry-After": retryAfter },
  );
}

/**
 * `Authorization: Bearer <key>` on /api: resolves the key, applies its route and scope rules and its rate limit,
 * and sets `c.var.user` to the key's owner. A bearer request never uses cookies, so it can't ride on a browser
 * session; a page on another site can't send the header either (no CORS is granted, and the key is never read
 * from a query string or cookie).
 */
export function apiKeyAuth() {
  return createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header("authorization");
    const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!m) return next();
    bearerRequests.add(c.req.raw);
    const deps = c.get("deps");
    const endpoint = endpointOf(c);
    if (!endpoint) return next(); // no such route: the 404 answers
    const found = await resolveKey(deps, m[1]!);
    const method = c.req.method === "HEAD" ? "GET" : c.req.method;
    const access = keyAccess(method, endpoint);
    if (!access.allowed) {
      throw new AppError(
        "FORBIDDEN",
        msg("apiKey.routeNotAllowed"),
        { reason: "API_KEY_ROUTE_NOT_ALLOWED" },
      );
    }
    await rateLimit(deps, found.key.id);
    if (!found.key.scopes.includes(access.scope)) {
      throw new AppError("FORBIDDEN", msg("apiKey.scopeMissing", { scope: access.scope }), {
        reason: "API_KEY_SCOPE_MISSING",
        required: access.scope,
      });
    }
    const now = deps.clock.now();
    const ip = clientIp(c, deps.env.TRUST_PROXY) ?? null;
    const last = found.key.lastUsedAt?.getTime() ?? 0;
    if (now.getTime() - last > TOUCH_EVERY_MS || ip !== found.key.lastUsedIp)
      await keys.touch(deps.database.db, found.key.id, now, ip);
    const u = found.user;
    c.set("user", {
      id: u.id,
      email: u.email,
      name: u.name,
      role: isAdminEmail(deps, u.email) ? "admin" : u.role,
      isGuest: false,
    });
    return next();
  });
}
