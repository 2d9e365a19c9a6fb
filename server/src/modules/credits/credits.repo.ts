import { and, desc, eq, gte, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { creditTransactions, users } from "../../db/schema";

export type CreditKind = "grant" | "hold" | "refund" | "adjust";

/**
 * Moves credits and records why, in the caller's transaction. A negative amount takes credits and only
 * succeeds while the balance covers it; returns the new balance, or null when it does not.
 */
export async function applyCredits(
  tx: Db,
  input: { userId: string; amount: number; kind: CreditKind; jobId?: string | null; note?: string; meta?: Record<string, unknown> },
): Promise<number | null> {
  const where =
    input.amount < 0
      ? and(eq(users.id, input.userId), gte(users.creditsBalance, -input.amount))
      : eq(users.id, input.userId);
  const [row] = await tx
    .update(users)
    .set({ creditsBalance: sql`${users.creditsBalance} + ${input.amount}` })
    .where(where)
    .returning({ balance: users.creditsBalance });
  if (!row) return null;
  await tx.insert(creditTransactions).values({
    userId: input.userId,
    jobId: input.jobId ?? null,
    kind: input.kind,
    amount: input.amount,
    balanceAfter: row.balance,
    note: input.note ?? null,
    meta: input.meta ?? {},
  });
  return row.balance;
}

export async function balanceOf(db: Db, userId: string): Promise<number> {
  const [row] = await db.select({ balance: users.creditsBalance }).from(users).where(eq(users.id, userId));
  return row?.balance ?? 0;
}

export async function history(db: Db, userId: string, limit: number, before?: Date) {
  return db
    .select()
    .from(creditTransactions)
    .where(and(eq(creditTransactions.userId, userId), before ? sql`${creditTransactions.createdAt} < ${before}` : undefined))
    .orderBy(desc(creditTransactions.createdAt), desc(creditTransactions.id))
    .limit(limit);
}
