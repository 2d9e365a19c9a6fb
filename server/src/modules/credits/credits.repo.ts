import type { CreditKind } from "@image-studio/shared";
import { and, desc, eq, gte, lt, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { creditLimits, creditTransactions, generationQueue, users } from "../../db/schema";

export type { CreditKind };

/** Ledger kinds that pay for jobs: a hold takes the estimate, a refund returns what was not used. */
export const SPEND_KINDS = ["hold", "charge", "refund"] as const;

/**
 * Moves credits and records why, in the caller's transaction. A negative amount takes credits and only
 * succeeds while the balance covers it; returns the new balance, or null when it does not.
 */
export async function applyCredits(
  tx: Db,
  input: {
    userId: string;
    amount: number;
    kind: CreditKind;
    jobId?: string | null;
    note?: string;
    meta?: Record<string, unknown>;
  },
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

/** A position in the ledger: the entry's time in microseconds since the epoch (exact) and its id. */
export interface LedgerCursor {
  micros: string;
  id: string;
}

export interface LedgerFilter {
  kind?: CreditKind;
  /** Inclusive start and exclusive end. */
  from?: Date;
  to?: Date;
  before?: LedgerCursor;
}

const micros = sql<string>`(extract(epoch from ${creditTransactions.createdAt}) * 1000000)::bigint::text`;

/** One page of a user's ledger, newest first, with the job's model and first image. */
export async function ledgerPage(db: Db, userId: string, filter: LedgerFilter, limit: number) {
  const where: (SQL | undefined)[] = [eq(creditTransactions.userId, userId)];
  if (filter.kind) where.push(eq(creditTransactions.kind, filter.kind));
  if (filter.from) where.push(gte(creditTransactions.createdAt, filter.from));
  if (filter.to) where.push(lt(creditTransactions.createdAt, filter.to));
  if (filter.before) {
    const at = sql`('epoch'::timestamptz + ${filter.before.micros}::bigint * interval '1 microsecond')`;
    where.push(
      or(
        sql`${creditTransactions.createdAt} < ${at}`,
        and(sql`${creditTransactions.createdAt} = ${at}`, sql`${creditTransactions.id} < ${filter.before.id}::uuid`),
      ),
    );
  }
  return db
    .select({
      id: creditTransactions.id,
      kind: creditTransactions.kind,
      amount: creditTransactions.amount,
      balanceAfter: creditTransactions.balanceAfter,
      note: creditTransactions.note,
      jobId: creditTransactions.jobId,
      meta: creditTransactions.meta,
      createdAt: creditTransactions.createdAt,
      micros,
      modelId: generationQueue.modelId,
      imageId: sql<string | null>`${generationQueue.imageIds}[1]`,
    })
    .from(creditTransactions)
    .leftJoin(
      generationQueue,
      and(eq(generationQueue.id, creditTransactions.jobId), eq(generationQueue.userId, userId)),
    )
    .where(and(...where))
    .orderBy(desc(creditTransactions.createdAt), desc(creditTransactions.id))
    .limit(limit);
}

/** Net credits spent on jobs (holds and charges less refunds) since `since`. */
export async function spentSince(db: Db, userId: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ spent: sql<number>`coalesce(-sum(${creditTransactions.amount}), 0)::int` })
    .from(creditTransactions)
    .where(
      and(
        eq(creditTransactions.userId, userId),
        sql`${creditTransactions.kind} in ('hold', 'charge', 'refund')`,
        gte(creditTransactions.createdAt, since),
      ),
    );
  return row?.spent ?? 0;
}

export async function getLimits(db: Db, userId: string, lock = false) {
  const q = db.select().from(creditLimits).where(eq(creditLimits.userId, userId));
  const [row] = lock ? await q.for("update") : await q;
  return row ?? null;
}

export async function setLimits(
  db: Db,
  userId: string,
  input: { monthlyLimit: number | null; lowBalanceAlert: number | null },
) {
  const [row] = await db
    .insert(creditLimits)
    .values({ userId, ...input })
    .onConflictDoUpdate({ target: creditLimits.userId, set: { ...input, updatedAt: new Date() } })
    .returning();
  return row!;
}
