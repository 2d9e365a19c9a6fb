import { APIError } from "better-auth/api";
import { msg } from "../i18n/api";
import type { Deps, SessionUser } from "../context";
import { AppError } from "../lib/errors";
import type { CatalogEntry } from "../modules/models/models.service";
import { CLIENT_IP_HEADER } from "./client-ip";
import { consume } from "./rate-limit";

/**
 * Rules for "Try demo" guests (Better Auth's anonymous plugin): how many a client address may create, and what
 * they may run. Guests keep to the local engine (no fal.ai costs) until they create an account (guest-upgrade.ts).
 */

export const GUEST_SIGN_IN_PATH = "/sign-in/anonymous";
export const GUEST_REASON = "GUEST_LOCAL_ONLY";
const guestMessage = (name: string) => msg("guest.falModel", { model: name });

/**
 * Better Auth `before` hook step for POST /sign-in/anonymous: at most GUESTS_PER_IP_HOUR and GUESTS_PER_IP_DAY
 * new guests per client address, counted in the shared rate-limit table. The address is the one mount.ts
 * resolved (socket, or the trusted proxy's hop), never a client-supplied header.
 */
export async function limitGuestCreation(deps: Deps, path: string, headers: Headers | undefined) {
  if (path !== GUEST_SIGN_IN_PATH) return;
  const ip = headers?.get(CLIENT_IP_HEADER) ?? "unknown";
  const db = deps.database.db;
  const rules = [
    { key: `guest:hour:${ip}`, rule: { window: 3600, max: deps.env.GUESTS_PER_IP_HOUR }, span: "hour" },
    { key: `guest:day:${ip}`, rule: { window: 86_400, max: deps.env.GUESTS_PER_IP_DAY }, span: "day" },
  ];
  for (const { key, rule, span } of rules) {
    const decision = await consume(db, key, rule);
    if (decision.allowed) continue;
    throw new APIError(
      "TOO_MANY_REQUESTS",
      {
        code: "RATE_LIMITED",
        // "Too many attempts for …" is kept as is by bridge.ts (other rate-limit messages are rewritten).
        message: `Too many attempts for demo sessions from this network this ${span}. Create an account instead, or try again later.`,
      },
      { "X-Retry-After": String(decision.retryAfter ?? 3600) },
    );
  }
}

/** Whether a guest may run this model: local-engine models only. */
export const guestMayUse = (model: Pick<CatalogEntry, "provider">) => model.provider === "local";

/** 403 with a clear message when a guest asks for a fal.ai model. */
export function assertGuestMayUse(user: SessionUser, model: Pick<CatalogEntry, "provider" | "displayName">) {
  if (!user.isGuest || guestMayUse(model)) return;
  throw new AppError("FORBIDDEN", guestMessage(model.displayName), { reason: GUEST_REASON });
}

/** The catalog as a guest sees it: fal.ai models are listed but marked unavailable, with the reason. */
export function catalogFor<T extends CatalogEntry>(user: SessionUser | null, entries: T[]): T[] {
  if (!user?.isGuest) return entries;
  return entries.map((m) =>
    guestMayUse(m) || !m.available
      ? m
      : {
          ...m,
          available: false,
          unavailableReason: "Guests can use the local models only; create an account to use fal.ai",
        },
  );
}
