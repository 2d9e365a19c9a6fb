import type { AdminUser } from "@image-studio/shared";
import type { Ctx } from "../../context";
import type { Db } from "../../db/client";
import { AppError, notFound } from "../../lib/errors";
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
  if (!row) throw notFound("User");
  return row;
}

function notSelf(ctx: Ctx, id: string, what: string) {
  if (ctx.user.id === id) throw new AppError("BAD_REQUEST", `You can't ${what} your own account.`);
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
  await target(ctx, id);
  if (input.role === "user" || input.isActive === false)
    notSelf(ctx, id, input.role === "user" ? "demote" : "deactivate");
  const row = await repo.updateUser(ctx.db, id, input);
  if (input.isActive === false) await repo.revokeSessions(ctx.db, id);
  ctx.log.info("admin updated user", { adminId: ctx.user.id, userId: id, ...input });
  return toAdminUser(row!, ctx.deps.env.ADMIN_EMAILS);
}

/** Bans sign the user out everywhere; a ban with an expiry lifts itself at the next sign-in after it. */
export async function ban(ctx: Ctx, id: string, input: { reason?: string; expiresInHours?: number }) {
  await target(ctx, id);
  notSelf(ctx, id, "ban");
  const banExpires = input.expiresInHours ? new Date(ctx.now.getTime() + input.expiresInHours * 3600_000) : null;
  const row = await repo.updateUser(ctx.db, id, { banned: true, banReason: input.reason || null, banExpires });
  await repo.revokeSessions(ctx.db, id);
  ctx.log.info("admin banned user", { adminId: ctx.user.id, userId: id, banExpires });
  return toAdminUser(row!, ctx.deps.env.ADMIN_EMAILS);
}

export async function unban(ctx: Ctx, id: string) {
  await target(ctx, id);
  const row = await repo.updateUser(ctx.db, id, { banned: false, banReason: null, banExpires: null });
  ctx.log.info("admin unbanned user", { adminId: ctx.user.id, userId: id });
  return toAdminUser(row!, ctx.deps.env.ADMIN_EMAILS);
}

/** Adds or takes credits, recorded as an "adjust" credit transaction with the admin's note. */
export async function adjustCredits(ctx: Ctx, id: string, input: { amount: number; note: string }) {
  const user = await target(ctx, id);
  const balance = await ctx.db.transaction((tx) =>
    applyCredits(tx as unknown as Db, {
      userId: id,
      amount: input.amount,
      kind: "adjust",
      note: input.note,
      meta: { adminId: ctx.user.id },
    }),
  );
  if (balance === null) {
    throw new AppError(
      "CONFLICT",
      `${user.name} has only ${user.creditsBalance} credits; you can take at most that many.`,
      { balance: user.creditsBalance },
    );
  }
  ctx.log.info("admin adjusted credits", { adminId: ctx.user.id, userId: id, amount: input.amount });
  return { userId: id, balance };
}

export async function stats(ctx: Ctx) {
  return repo.stats(ctx.db);
}
