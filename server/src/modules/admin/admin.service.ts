import type { AdminUser } from "@image-studio/shared";
import { msg } from "../../i18n/api";
import type { Ctx } from "../../context";
import type { Db } from "../../db/client";
import { AppError, notFound } from "../../lib/errors";
import { userPrefix } from "../../storage/keys";
import { audit } from "../audit/audit";
import { applyCredits } from "../credits/credits.repo";
import * as repo from "./admin.repo";

type Row = NonNullable<Awaited<ReturnType<typeof repo.findUser>>>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toAdminUser(r: Row, adminEmails: string[]): AdminUser {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: adminEmails.includes(r.email.toLowerCase()) ? "admin" : r.role,
    emailVerified: r.emailVerified,
    banned: r.banned,
    banReason: r.banReason,
    banExpires: iso(r.banExpires),
    isActive: r.isActive,
    creditsBalance: r.creditsBalance,
    twoFactorEnabled: r.twoFactorEnabled,
    createdAt: r.createdAt.toISOString(),
    lastLogin: iso(r.lastLogin),
  };
}

async function target(ctx: Ctx, id: string): Promise<Row> {
  const row = await repo.findUser(ctx.db, id);
  if (!row) throw notFound("user");
  return row;
}

function notSelf(ctx: Ctx, id: string, what: "demote" | "deactivate" | "ban" | "delete") {
  if (ctx.user.id === id) throw new AppError("BAD_REQUEST", msg(`admin.notSelf.${what}`));
}

export async function listUsers(
  ctx: Ctx,
  input: { q?: string; status: repo.UserStatusFilter; page: number; pageSize: number },
) {
  const { items, total } = await repo.listUsers(ctx.db, input);
  return {
    items: items.map((r) => toAdminUser(r, ctx.deps.env.ADMIN_EMAILS)),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
}

export async function getUser(ctx: Ctx, id: string) {
  return toAdminUser(await target(ctx, id), ctx.deps.env.ADMIN_EMAILS);
}

export async function updateUser(ctx: Ctx, id: string, input: { role?: "user" | "admin"; isActive?: boolean }) {
  const before = await target(ctx, id);
  if (input.role === "user" || input.isActive === false)
    notSelf(ctx, id, input.role === "user" ? "demote" : "deactivate");
  const row = await ctx.db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const updated = await repo.updateUser(tx, id, input);
    if (input.isActive === false) await repo.revokeSessions(tx, id);
    if (input.role !== undefined)
      await audit(ctx, { action: "user.role", targetType: "user", targetId: id, details: { email: before.email, from: before.role, to: input.role } }, tx);
    if (input.isActive !== undefined)
      await audit(ctx, { action: input.isActive ? "user.activate" : "user.deactivate", targetType: "user", targetId: id, details: { email: before.email, was: before.isActive } }, tx);
    return updated;
  });
  ctx.log.info("admin updated user", { adminId: ctx.user.id, userId: id, ...input });
  return toAdminUser(row!, ctx.deps.env.ADMIN_EMAILS);
}

/** Bans sign the user out everywhere; a ban with an expiry lifts itself at the next sign-in after it. */
export async function ban(ctx: Ctx, id: string, input: { reason?: string; expiresInHours?: number }) {
  const user = await target(ctx, id);
  notSelf(ctx, id, "ban");
  const banExpires = input.expiresInHours ? new Date(ctx.now.getTime() + input.expiresInHours * 3600_000) : null;
  const row = await ctx.db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const updated = await repo.updateUser(tx, id, { banned: true, banReason: input.reason || null, banExpires });
    await repo.revokeSessions(tx, id);
    await audit(ctx, { action: "user.ban", targetType: "user", targetId: id, details: { email: user.email, reason: input.reason ?? null, expires: iso(banExpires) } }, tx);
    return updated;
  });
  ctx.log.info("admin banned user", { adminId: ctx.user.id, userId: id, banExpires });
  return toAdminUser(row!, ctx.deps.env.ADMIN_EMAILS);
}

export async function unban(ctx: Ctx, id: string) {
  const user = await target(ctx, id);
  const row = await ctx.db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const updated = await repo.updateUser(tx, id, { banned: false, banReason: null, banExpires: null });
    await audit(ctx, { action: "user.unban", targetType: "user", targetId: id, details: { email: user.email, wasBanned: user.banned } }, tx);
    return updated;
  });
  ctx.log.info("admin unbanned user", { adminId: ctx.user.id, userId: id });
  return toAdminUser(row!, ctx.deps.env.ADMIN_EMAILS);
}

/** Adds or takes credits, recorded as an "adjust" credit transaction with the admin's note. */
export async function adjustCredits(ctx: Ctx, id: string, input: { amount: number; note: string }) {
  const user = await target(ctx, id);
  const balance = await ctx.db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const after = await applyCredits(tx, { userId: id, amount: input.amount, kind: "adjust", note: input.note, meta: { adminId: ctx.user.id } });
    if (after !== null) {
      await audit(ctx, { action: input.amount > 0 ? "credits.grant" : "credits.revoke", targetType: "user", targetId: id, details: { email: user.email, amount: input.amount, note: input.note, balance: after } }, tx);
    }
    return after;
  });
  if (balance === null) {
    throw new AppError(
      "CONFLICT",
      msg("admin.takeAtMost", { name: user.name, count: user.creditsBalance }),
      { balance: user.creditsBalance },
    );
  }
  ctx.log.info("admin adjusted credits", { adminId: ctx.user.id, userId: id, amount: input.amount });
  return { userId: id, balance };
}

/**
 * Deletes an account for good: its stored files, then the user row (every owned row goes with it by cascade).
 * The audit entry stays (it names the address; the actor column of the deleted user's own entries turns null).
 */
export async function deleteUser(ctx: Ctx, id: string) {
  const user = await target(ctx, id);
  notSelf(ctx, id, "delete");
  await ctx.db.transaction(async (t) => {
    const tx = t as unknown as Db;
    await audit(ctx, { action: "user.delete", targetType: "user", targetId: id, details: { email: user.email, name: user.name, credits: user.creditsBalance } }, tx);
    await repo.deleteUser(tx, id);
  });
  await ctx.deps.storage.deleteByPrefix(userPrefix(id)).catch((err: unknown) => ctx.log.warn("admin delete: stored files left behind", { userId: id, err }));
  ctx.log.info("admin deleted user", { adminId: ctx.user.id, userId: id });
  return { deleted: true };
}

export async function userUsage(ctx: Ctx, id: string) {
  await target(ctx, id);
  return repo.userUsage(ctx.db, id);
}

export async function stats(ctx: Ctx) {
  return repo.stats(ctx.db);
}
