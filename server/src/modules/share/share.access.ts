import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { msg } from "../../i18n/api";
import { SHARE_PASSWORD_MAX } from "@image-studio/shared";
import { verifyPassword } from "better-auth/crypto";
import type { Deps } from "../../context";
import { consume, refund, type RateRule } from "../../auth/rate-limit";
import { AppError, notFound } from "../../lib/errors";
import type { ShareLinkRow } from "./share.repo";

/**
 * Who may open a link: it must exist, be neither revoked nor expired, and — when it has a password — come with
 * the password (header `X-Share-Password`) or the unlock cookie the public page traded it for. Wrong passwords
 * are counted per link and client address, and per link overall, so guessing is slow from one place or many.
 */

/** Five guesses per address per ten minutes; fifty per link from everywhere. */
export const PASSWORD_RULE_PER_CLIENT: RateRule = { window: 10 * 60, max: 5 };
export const PASSWORD_RULE_PER_LINK: RateRule = { window: 10 * 60, max: 50 };
/** How long an unlock cookie lasts (never past the link's expiry). */
export const UNLOCK_TTL_MS = 2 * 3600_000;

export interface Proof {
  password?: string;
  /** The request's Cookie header. */
  cookies?: Record<string, string>;
  ip?: string;
}

export const cookieName = (token: string) => `share_${createHash("sha256").update(token).digest("hex").slice(0, 16)}`;

function signature(deps: Deps, link: ShareLinkRow, exp: number) {
  // The password hash is part of what is signed: changing the password ends every earlier unlock.
  return createHmac("sha256", deps.env.BETTER_AUTH_SECRET).update(`share-unlock\n${link.token}\n${link.passwordHash ?? ""}\n${exp}`).digest("base64url");
}

/** The unlock cookie's value and lifetime for a link opened with its password. */
export function unlockCookie(deps: Deps, link: ShareLinkRow, now: Date) {
  const until = Math.min(now.getTime() + UNLOCK_TTL_MS, link.expiresAt?.getTime() ?? Infinity);
  const exp = Math.floor(until / 1000);
  return { name: cookieName(link.token), value: `${exp}.${signature(deps, link, exp)}`, maxAge: Math.max(1, exp - Math.floor(now.getTime() / 1000)) };
}

function cookieValid(deps: Deps, link: ShareLinkRow, value: string | undefined, now: Date): boolean {
  if (!value) return false;
  const [expText, sig] = value.split(".");
  const exp = Number(expText);
  if (!sig || !Number.isSafeInteger(exp) || exp * 1000 <= now.getTime()) return false;
  const want = Buffer.from(signature(deps, link, exp));
  const got = Buffer.from(sig);
  return want.length === got.length && timingSafeEqual(want, got);
}

/** Revoked or expired: the link's own answer (the public page says which). */
export function assertLive(link: ShareLinkRow, now: Date) {
  if (link.revokedAt) throw new AppError("GONE", msg("share.turnedOff"), { reason: "revoked" });
  if (link.expiresAt && link.expiresAt.getTime() <= now.getTime()) throw new AppError("GONE", msg("share.expired"), { reason: "expired" });
}

/** Checks a password against the link, counting wrong guesses; throws 401 (wrong) or 429 (too many). */
export async function checkPassword(deps: Deps, link: ShareLinkRow, password: string, ip: string | undefined, now: Date) {
  const db = deps.database.db;
  const keys = [`share-password:${link.id}:${ip ?? "unknown"}`, `share-password:${link.id}`];
  const at = now.getTime();
  const [client, all] = [await consume(db, keys[0]!, PASSWORD_RULE_PER_CLIENT, at), await consume(db, keys[1]!, PASSWORD_RULE_PER_LINK, at)];
  const refused = !client.allowed ? client : !all.allowed ? all : null;
  if (refused) {
    throw new AppError("RATE_LIMITED", msg("share.tooManyPasswords"), { retryAfter: refused.retryAfter }, {
      "Retry-After": String(refused.retryAfter ?? 60),
    });
  }
  const fits = password.length <= SHARE_PASSWORD_MAX; // a longer one can't be right: don't spend scrypt on it
  if (!fits || !(await verifyPassword({ hash: link.passwordHash!, password }))) {
    throw new AppError("SHARE_PASSWORD_REQUIRED", msg("share.wrongPassword"), { wrongPassword: true });
  }
  for (const k of keys) await refund(db, k); // a right password does not count against anyone
}

/** The link a request may open, or the reason it may not (404 unknown, 410 gone, 401 password, 429 guessing). */
export async function authorize(deps: Deps, link: ShareLinkRow | undefined, proof: Proof, now: Date): Promise<ShareLinkRow> {
  if (!link) throw notFound("shareLink");
  assertLive(link, now);
  if (!link.passwordHash) return link;
  if (cookieValid(deps, link, proof.cookies?.[cookieName(link.token)], now)) return link;
  if (proof.password === undefined || proof.password === "") {
    throw new AppError("SHARE_PASSWORD_REQUIRED", msg("share.passwordProtected"));
  }
  await checkPassword(deps, link, proof.password, proof.ip, now);
  return link;
}
