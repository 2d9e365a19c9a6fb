import { eq, lt, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { rateLimits } from "../db/schema";

export interface RateRule {
  /** Window length in seconds. */
  window: number;
  max: number;
}

export interface RateDecision {
  allowed: boolean;
  /** Seconds until the window resets (only when refused). */
  retryAfter: number | null;
}

/**
 * Fixed-window counters in the `rate_limits` table, shared by every API process. One atomic upsert per
 * call, so concurrent requests in several processes can never all slip through on a stale read.
 * `last_request` holds the start of the current window (ms since epoch).
 */
export async function consume(db: Db, key: string, rule: RateRule, now = Date.now()): Promise<RateDecision> {
  const windowMs = rule.window * 1000;
  const cutoff = now - windowMs;
  const expired = sql`${rateLimits.lastRequest} <= ${cutoff}`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, count: 1, lastRequest: now })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
        lastRequest: sql`case when ${expired} then ${now}::bigint else ${rateLimits.lastRequest} end`,
      },
    })
    .returning({ count: rateLimits.count, windowStart: rateLimits.lastRequest });
  if (Math.random() < 0.01) void prune(db, now).catch(() => {});
  if (!row || row.count <= rule.max) return { allowed: true, retryAfter: null };
  return { allowed: false, retryAfter: Math.max(1, Math.ceil((Number(row.windowStart) + windowMs - now) / 1000)) };
}

/** Takes back one count from `key` (an attempt that turned out not to count, e.g. a successful sign-in). */
export async function refund(db: Db, key: string) {
  await db
    .update(rateLimits)
    .set({ count: sql`greatest(${rateLimits.count} - 1, 0)` })
    .where(eq(rateLimits.key, key));
}

/** Forgets a counter (e.g. a one-time claim that turned out unused). */
export async function forget(db: Db, key: string) {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}

/** Forgets counters whose window ended more than a day ago. */
export async function prune(db: Db, now = Date.now()) {
  await db.delete(rateLimits).where(lt(rateLimits.lastRequest, now - 24 * 3600 * 1000));
}

/**
 * Failed sign-ins per (client IP, account): a wrong password from one address can't lock the owner out
 * elsewhere, and successful sign-ins are given back (auth-guards.ts).
 */
export const SIGN_IN_FAILURE_RULE: RateRule = { window: 15 * 60, max: 10 };

/** Per-account limits (keyed by the normalised email), on top of Better Auth's per-IP limits. */
export const ACCOUNT_RULES: Record<string, RateRule> = {
  "/sign-up/email": { window: 60 * 60, max: 5 },
  "/request-password-reset": { window: 60 * 60, max: 5 },
  "/send-verification-email": { window: 60 * 60, max: 6 },
};

/** Per-IP limits for Better Auth's paths (windows in seconds). */
export const IP_RULES: Record<string, RateRule | false> = {
  "/sign-in/email": { window: 60, max: 5 },
  "/sign-up/email": { window: 10 * 60, max: 10 },
  "/request-password-reset": { window: 10 * 60, max: 5 },
  "/send-verification-email": { window: 10 * 60, max: 5 },
  "/verify-email": { window: 10 * 60, max: 20 },
  "/reset-password": { window: 10 * 60, max: 10 },
  "/change-password": { window: 10 * 60, max: 10 },
  "/two-factor/*": { window: 60, max: 10 },
  "/get-session": false,
};
