import type { Ctx } from "../../context";
import { msg } from "../../i18n/api";
import { AppError } from "../../lib/errors";
import * as repo from "./storage-usage.repo";

const MB = 1024 * 1024;

/** The caller's storage quota in bytes, or null for unlimited (admins, or a quota of 0 MB). */
export function quotaOf(ctx: Pick<Ctx, "deps" | "user">): number | null {
  if (ctx.user.role === "admin") return null;
  const mb = ctx.user.isGuest ? ctx.deps.env.GUEST_STORAGE_QUOTA_MB : ctx.deps.env.STORAGE_QUOTA_MB;
  return mb > 0 ? mb * MB : null;
}

export const formatBytes = (n: number) =>
  n >= 1024 * MB
    ? `${+(n / 1024 / MB).toFixed(1)} GB`
    : n >= MB
      ? `${+(n / MB).toFixed(1)} MB`
      : `${Math.ceil(n / 1024)} KB`;

/**
 * Refuses (413) when storing `incoming` more bytes would take the caller past their quota. Generations pass
 * 0: their size is unknown before they run, so a full quota refuses them and one job may overshoot slightly.
 */
export async function assertRoom(ctx: Ctx, incoming: number): Promise<void> {
  const quota = quotaOf(ctx);
  if (quota === null) return;
  const used = await repo.usedBytes(ctx.db, ctx.user.id);
  if (used + incoming <= quota && (incoming > 0 || used < quota)) return;
  const key = ctx.actor ? "quota.ownerFull" : ctx.user.isGuest ? "quota.guestFull" : "quota.full";
  throw new AppError(
    "PAYLOAD_TOO_LARGE",
    msg(key, { used: formatBytes(used), quota: formatBytes(quota) }),
    { reason: "STORAGE_QUOTA", used, quota },
  );
}

/**
 * The room check for work that lands in `scope`: the caller's own quota, or — a team member generating into a
 * project shared with them — the owner's quota, judged by the owner's own role (an admin owner has none).
 */
export async function assertRoomIn(scope: Ctx, incoming: number): Promise<void> {
  if (!scope.actor) return assertRoom(scope, incoming);
  const owner = await repo.quotaFacts(scope.db, scope.user.id);
  if (!owner) return;
  return assertRoom({ ...scope, user: { ...scope.user, role: owner.role, isGuest: owner.isGuest } }, incoming);
}
