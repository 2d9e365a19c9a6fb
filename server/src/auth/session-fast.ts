import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { preparedPerDb } from "../db/prepared";
import { sessions, users } from "../db/schema";
import { hasPasswordColumn, type UserRow } from "../modules/account/account.repo";
import type { SessionCache } from "./session-cache";

/**
 * The session check every /api request pays, in one indexed query instead of Better Auth's full `getSession`
 * (signed-cookie HMAC, two adapter queries, endpoint plumbing). Nothing is cached that could go stale: on PostgreSQL
 * the session and user rows are read on every request, so sign-out, revocation, bans and deactivation take effect on
 * the very next request, in every process. What is remembered is the pure mapping "signed cookie value → session
 * token", learnt when Better Auth verified that cookie's signature (it can never admit a cookie Better Auth did not)
 * — and, on PGlite only, the rows themselves, forgotten by every write to them (session-cache.ts). Whenever Better
 * Auth has something to do (no memo yet, a sliding refresh due, a session gone or expired, a stale cookie-cache
 * cookie to clear) the request takes Better Auth's path.
 */

/** What the session middleware needs about the signed-in user and the session. */
export interface SessionFacts {
  user: {
    id: string;
    email: string;
    name: string;
    role: string | null | undefined;
    banned: boolean | null | undefined;
    banExpires: Date | string | null | undefined;
    isActive: boolean | null | undefined;
    preferences: unknown;
    isAnonymous: boolean | null | undefined;
    /** The account's language: API messages use it when a request names none (i18n/request.ts). */
    language?: string | null;
  };
  session: { id: string; token: string; createdAt: Date; updatedAt: Date; expiresAt: Date };
  /** The whole account, when the check was asked to load it along (`/api/auth/me` answers from it). */
  account?: { user: UserRow; hasPassword: boolean };
}

export interface CookieNames {
  sessionToken: string;
  sessionData: string;
}

export interface SessionTiming {
  /** Better Auth's `session.expiresIn` and `session.updateAge`, in seconds. */
  expiresIn: number;
  updateAge: number;
}

/** Raw (still signed, still URL-encoded) values of the cookies in a Cookie header. */
export function rawCookies(header: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (name && !out.has(name)) out.set(name, part.slice(eq + 1).trim());
  }
  return out;
}

/** Signed cookie value → session token, bounded (oldest forgotten first). */
export class TokenMemo {
  private readonly map = new Map<string, string>();
  constructor(private readonly max = 20_000) {}
  get(signed: string): string | undefined {
    return this.map.get(signed);
  }
  set(signed: string, token: string): void {
    if (this.map.has(signed)) return;
    if (this.map.size >= this.max) this.map.delete(this.map.keys().next().value!);
    this.map.set(signed, token);
  }
  get size(): number {
    return this.map.size;
  }
}

const sessionColumns = { id: sessions.id, token: sessions.token, createdAt: sessions.createdAt, updatedAt: sessions.updatedAt, expiresAt: sessions.expiresAt };

/**
 * The session-and-user query every request runs, prepared (Drizzle's query building was ~10 % of a request's CPU
 * in the profile).
 */
const sessionQuery = preparedPerDb((db) =>
  db
    .select({
      session: sessionColumns,
      user: {
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        banned: users.banned,
        banExpires: users.banExpires,
        isActive: users.isActive,
        preferences: users.preferences,
        isAnonymous: users.isAnonymous,
        language: users.language,
      },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.token, sql.placeholder("token")))
    .limit(1)
    .prepare("session_fast_by_token"),
);

/** The same check with the whole account and its password flag: what `/api/auth/me` answers, in the same query. */
const accountQuery = preparedPerDb((db) =>
  db
    .select({ session: sessionColumns, user: users, hasPassword: hasPasswordColumn() })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.token, sql.placeholder("token")))
    .limit(1)
    .prepare("session_fast_with_account"),
);

async function loadByToken(db: Db, token: string, withAccount: boolean): Promise<SessionFacts | null> {
  if (!withAccount) {
    const [row] = await sessionQuery(db).execute({ token });
    return row ?? null;
  }
  const [row] = await accountQuery(db).execute({ token });
  return row ? { session: row.session, user: row.user, account: { user: row.user, hasPassword: row.hasPassword } } : null;
}

/**
 * The session of this Cookie header by the fast path (`cached`: from the PGlite session cache, no query), or "slow"
 * when Better Auth must answer (see above).
 * Never answers "no session": only Better Auth decides that (and clears the cookie).
 */
export async function fastSession(
  db: Db,
  cookies: Map<string, string>,
  names: CookieNames,
  memo: TokenMemo,
  timing: SessionTiming,
  now = Date.now(),
  withAccount = false,
  cache?: SessionCache,
): Promise<{ facts: SessionFacts; cached: boolean } | "slow"> {
  const signed = cookies.get(names.sessionToken);
  if (!signed || cookies.has(names.sessionData)) return "slow";
  const token = memo.get(signed);
  if (!token) return "slow";
  let found = cache?.get(token, withAccount, now);
  const cached = found !== undefined;
  if (!found) {
    const mark = cache?.mark() ?? 0;
    const loaded = await loadByToken(db, token, withAccount);
    if (!loaded) return "slow";
    cache?.set(token, loaded, mark, now);
    found = loaded;
  }
  const expiresAt = found.session.expiresAt.getTime();
  if (expiresAt <= now) return "slow";
  // A sliding refresh is due (Better Auth writes the new expiry and cookie; "don't remember me" sessions skip it).
  if (expiresAt - timing.expiresIn * 1000 + timing.updateAge * 1000 <= now) return "slow";
  return { facts: found, cached };
}
