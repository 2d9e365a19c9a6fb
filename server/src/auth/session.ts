import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv, Deps } from "../context";
import type { CurrentSession } from "../modules/account/account.service";
import type { Auth } from "./auth";
import { deleteSessionById, touchSession } from "./auth.repo";
import { isAdminEmail } from "./auth-hooks";
import { authHeaders } from "./bridge";
import { sessionCacheFor } from "./session-cache";
import { type CookieNames, fastSession, rawCookies, type SessionFacts, type SessionTiming, TokenMemo } from "./session-fast";

/** "Last seen" is written at most this often per session. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

const sessions = new WeakMap<object, CurrentSession>();
const accounts = new WeakMap<object, NonNullable<SessionFacts["account"]>>();
/** Routes that answer with the whole account: the session check loads it in its own query. */
const ACCOUNT_PATHS = new Set(["/api/auth/me", "/api/auth/session"]);

/** The session behind this request's user (set by the session middleware). */
export function currentSession(c: object): CurrentSession {
  const s = sessions.get(c);
  if (!s) throw new Error("currentSession() used on a request without a session");
  return s;
}

/** The account loaded with this request's session check, when its route asked for it (see ACCOUNT_PATHS). */
export function sessionAccount(c: object): SessionFacts["account"] {
  return accounts.get(c);
}

/** Whether a valid session may act: active, not banned, not idle past the user's timeout. */
async function admit(deps: Deps, data: SessionFacts): Promise<boolean> {
  const db = deps.database.db;
  const { user, session } = data;
  const now = Date.now();
  const banned = user.banned === true && (!user.banExpires || new Date(user.banExpires).getTime() > now);
  const prefs = (user.preferences ?? {}) as { sessionTimeoutMinutes?: unknown };
  const timeout = typeof prefs.sessionTimeoutMinutes === "number" ? prefs.sessionTimeoutMinutes * 60_000 : undefined;
  const lastSeen = new Date(session.updatedAt).getTime();
  if (user.isActive === false || banned || (timeout !== undefined && now - lastSeen > timeout)) {
    await deleteSessionById(db, session.id);
    return false;
  }
  if (now - lastSeen > TOUCH_EVERY_MS) await touchSession(db, session.id);
  return true;
}

const safeDecode = (v: string) => {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
};

const cookieName = (setCookie: string) => setCookie.split("=", 1)[0]!.trim();

/**
 * Resolves the session cookie for every /api request and sets `c.var.user` ({ id, email, name, role }).
 * Sliding expiry: when Better Auth refreshes the session, its new cookie is passed on with our response.
 */
export function sessionMiddleware(auth: Auth) {
  const memo = new TokenMemo();
  let config: Promise<{ names: CookieNames; timing: SessionTiming }> | undefined;
  const settings = () =>
    (config ??= auth.$context.then((ctx) => ({
      names: { sessionToken: ctx.authCookies.sessionToken.name, sessionData: ctx.authCookies.sessionData.name },
      timing: { expiresIn: ctx.sessionConfig.expiresIn, updateAge: ctx.sessionConfig.updateAge },
    })));

  /** Better Auth's getSession (verifies the signature, may slide the expiry); teaches the memo this cookie. */
  async function slow(c: Context<AppEnv>, signed: string | undefined) {
    const { headers, response } = await auth.api.getSession({ headers: authHeaders(c), returnHeaders: true });
    // Remembered only when this very value carries that token (`<token>.<signature>`): with duplicate cookies Better
    // Auth may have read another one than we did.
    if (response && signed && safeDecode(signed).startsWith(`${response.session.token}.`)) memo.set(signed, response.session.token);
    return { refreshed: headers?.getSetCookie() ?? [], found: response as SessionFacts | null };
  }

  return createMiddleware<AppEnv>(async (c, next) => {
    const cookie = c.req.header("cookie");
    if (!cookie?.includes(".session_token=")) return next();
    const deps = c.get("deps");
    let refreshed: string[] = [];
    const started = performance.now();
    let path = "full";
    try {
      const { names, timing } = await settings();
      const cookies = rawCookies(cookie);
      const cache = await sessionCacheFor(deps.database, (err) => c.get("log").warn("session cache not installed", { err }));
      const fast = await fastSession(deps.database.db, cookies, names, memo, timing, Date.now(), ACCOUNT_PATHS.has(c.req.path), cache);
      let found: SessionFacts | null;
      if (fast === "slow") ({ refreshed, found } = await slow(c, cookies.get(names.sessionToken)));
      else [found, path] = [fast.facts, fast.cached ? "cached" : "fast"];
      if (found && (await admit(deps, found))) signIn(c, deps, found);
    } catch (err) {
      c.get("log").warn("session lookup failed", { err });
    }
    // Where a request's time went, for the browser's network panel (no values, only which path and how long).
    const timingHeader = `session;desc="${path}";dur=${(performance.now() - started).toFixed(1)}`;
    await next();
    passOn(c, refreshed);
    try {
      c.res.headers.append("Server-Timing", timingHeader);
    } catch {
      // an immutable response (a fetched one passed through): no timing header
    }
  });
}

function signIn(c: Context<AppEnv>, deps: Deps, { user, session, account }: SessionFacts) {
  c.set("user", {
    id: user.id,
    email: user.email,
    name: user.name,
    role: isAdminEmail(deps, user.email) ? "admin" : (user.role ?? "user"),
    isGuest: user.isAnonymous === true,
    language: user.language ?? undefined,
  });
  sessions.set(c, { id: session.id, createdAt: new Date(session.createdAt), expiresAt: new Date(session.expiresAt) });
  if (account) accounts.set(c, account);
}

/** Sliding expiry: Better Auth's refreshed cookie goes out with our response (unless the route set its own). */
function passOn(c: Context<AppEnv>, refreshed: string[]) {
  if (!refreshed.length) return;
  const already = new Set(c.res.headers.getSetCookie().map(cookieName));
  const extra = refreshed.filter((v) => !already.has(cookieName(v)));
  if (!extra.length) return;
  try {
    for (const v of extra) c.res.headers.append("set-cookie", v);
  } catch {
    const res = new Response(c.res.body, c.res);
    for (const v of extra) res.headers.append("set-cookie", v);
    c.res = res;
  }
}
