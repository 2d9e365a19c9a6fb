import { createMiddleware } from "hono/factory";
import type { AppEnv, Deps } from "../context";
import type { CurrentSession } from "../modules/account/account.service";
import type { Auth } from "./auth";
import { deleteSessionById, touchSession } from "./auth.repo";
import { isAdminEmail } from "./auth-hooks";
import { authHeaders } from "./bridge";

/** "Last seen" is written at most this often per session. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

const sessions = new WeakMap<object, CurrentSession>();

/** The session behind this request's user (set by the session middleware). */
export function currentSession(c: object): CurrentSession {
  const s = sessions.get(c);
  if (!s) throw new Error("currentSession() used on a request without a session");
  return s;
}

type AuthSession = NonNullable<Awaited<ReturnType<Auth["api"]["getSession"]>>>;

/** Whether a valid Better Auth session may act: active, not banned, not idle past the user's timeout. */
async function admit(deps: Deps, data: AuthSession): Promise<boolean> {
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

const cookieName = (setCookie: string) => setCookie.split("=", 1)[0]!.trim();

/**
 * Resolves the session cookie for every /api request and sets `c.var.user` ({ id, email, name, role }).
 * Sliding expiry: when Better Auth refreshes the session, its new cookie is passed on with our response.
 */
export function sessionMiddleware(auth: Auth) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const cookie = c.req.header("cookie");
    if (!cookie?.includes(".session_token=")) return next();
    const deps = c.get("deps");
    let refreshed: string[] = [];
    try {
      const { headers, response } = await auth.api.getSession({ headers: authHeaders(c), returnHeaders: true });
      refreshed = headers?.getSetCookie() ?? [];
      if (response && (await admit(deps, response))) {
        const { user, session } = response;
        c.set("user", {
          id: user.id,
          email: user.email,
          name: user.name,
          role: isAdminEmail(deps, user.email) ? "admin" : (user.role ?? "user"),
          isGuest: (user as { isAnonymous?: boolean | null }).isAnonymous === true,
        });
        sessions.set(c, {
          id: session.id,
          createdAt: new Date(session.createdAt),
          expiresAt: new Date(session.expiresAt),
        });
      }
    } catch (err) {
      c.get("log").warn("session lookup failed", { err });
    }
    await next();
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
  });
}
