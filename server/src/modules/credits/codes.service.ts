import { randomInt } from "node:crypto";
import { msg } from "../../i18n/api";
import type { CreditCode, RedeemResult } from "@image-studio/shared";
import { desc, eq, sql } from "drizzle-orm";
import type { Ctx } from "../../context";
import type { Db } from "../../db/client";
import { creditCodeRedemptions, creditCodes } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { audit } from "../audit/audit";
import { applyCredits, balanceOf } from "./credits.repo";

/** Letters and digits without look-alikes (no 0/O, 1/I/L). */
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const randomCode = () =>
  Array.from({ length: 3 }, () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("")).join(
    "-",
  );

type CodeRow = typeof creditCodes.$inferSelect;
const toView = (r: CodeRow): CreditCode => ({
  id: r.id,
  code: r.code,
  amount: r.amount,
  maxRedemptions: r.maxRedemptions,
  redemptions: r.redemptions,
  expiresAt: r.expiresAt?.toISOString() ?? null,
  note: r.note,
  createdAt: r.createdAt.toISOString(),
});

export async function createCode(
  ctx: Ctx,
  input: { code?: string; amount: number; maxRedemptions: number; expiresAt?: string | null; note: string },
): Promise<CreditCode> {
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt <= ctx.now)
    throw new AppError("VALIDATION_FAILED", msg("codes.expiryPast"), {
      issues: [{ path: ["expiresAt"], message: msg("issue.inPast") }],
    });
  const code = (input.code ?? randomCode()).toUpperCase();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(creditCodes)
      .values({
        code,
        amount: input.amount,
        maxRedemptions: input.maxRedemptions,
        expiresAt,
        note: input.note,
        createdBy: ctx.user.id,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError("CONFLICT", msg("codes.exists", { code }));
    await audit(
      ctx,
      {
        action: "code.create",
        targetType: "credit_code",
        targetId: row.id,
        details: {
          code,
          amount: row.amount,
          maxRedemptions: row.maxRedemptions,
          expiresAt: row.expiresAt?.toISOString() ?? null,
        },
      },
      tx as unknown as Db,
    );
    return toView(row);
  });
}

export async function listCodes(ctx: Ctx): Promise<{ items: CreditCode[] }> {
  const rows = await ctx.db
    .select()
    .from(creditCodes)
    .orderBy(desc(creditCodes.createdAt), desc(creditCodes.id))
    .limit(500);
  return { items: rows.map(toView) };
}

/**
 * Redeems a code for the caller: once per user and code (a second try answers the first result and changes
 * nothing), while it has not expired or been used up. The code row is locked, so concurrent redemptions count
 * exactly. Audited with the credit movement in one transaction.
 */
export async function redeem(ctx: Ctx, rawCode: string): Promise<RedeemResult> {
  const code = rawCode.trim().toUpperCase();
  return ctx.db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const [row] = await tx.select().from(creditCodes).where(eq(creditCodes.code, code)).for("update");
    if (!row) throw new AppError("NOT_FOUND", msg("codes.noSuchCode"));
    const [mine] = await tx
      .select()
      .from(creditCodeRedemptions)
      .where(sql`${creditCodeRedemptions.codeId} = ${row.id} and ${creditCodeRedemptions.userId} = ${ctx.user.id}`);
    if (mine) return { code, amount: mine.amount, balance: await balanceOf(tx, ctx.user.id), alreadyRedeemed: true };
    if (row.expiresAt && row.expiresAt <= ctx.now)
      throw new AppError("CONFLICT", msg("codes.expired", { date: row.expiresAt.toISOString().slice(0, 10) }), {
        reason: "EXPIRED",
      });
    if (row.redemptions >= row.maxRedemptions)
      throw new AppError("CONFLICT", msg("codes.usedUp"), { reason: "USED_UP" });
    await tx.insert(creditCodeRedemptions).values({ codeId: row.id, userId: ctx.user.id, amount: row.amount });
    await tx
      .update(creditCodes)
      .set({ redemptions: sql`${creditCodes.redemptions} + 1` })
      .where(eq(creditCodes.id, row.id));
    const balance = await applyCredits(tx, {
      userId: ctx.user.id,
      amount: row.amount,
      kind: "redeem",
      note: `Code ${code}`,
      meta: { codeId: row.id },
    });
    await audit(
      ctx,
      { action: "credits.redeem", targetType: "credit_code", targetId: row.id, details: { code, amount: row.amount } },
      tx,
    );
    return { code, amount: row.amount, balance: balance ?? 0, alreadyRedeemed: false };
  });
}
