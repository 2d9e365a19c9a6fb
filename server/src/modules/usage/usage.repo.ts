import { and, count, desc, eq, gte, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { creditTransactions, generationQueue, images, projects, usageLogs } from "../../db/schema";

/**
 * Usage figures, always from the two records of what happened: credits from the ledger (so they reconcile with
 * the balance exactly — holds and charges less refunds) and images from the usage log (one success row per image
 * made, kept when the image is later deleted). Days and months are UTC.
 */

const spendKinds = sql`${creditTransactions.kind} in ('hold', 'charge', 'refund')`;
const netSpent = sql<number>`coalesce(-sum(${creditTransactions.amount}), 0)::int`;
const imageCount = sql<number>`count(*)::int`;

export type Bucket = "day" | "month";
// Constants, not parameters: GROUP BY must see the very same expression as the SELECT.
const bucketOf = (col: unknown, unit: Bucket) =>
  sql<string>`to_char(date_trunc(${sql.raw(`'${unit}'`)}, ${col} at time zone 'UTC'), ${sql.raw(unit === "day" ? "'YYYY-MM-DD'" : "'YYYY-MM'")})`;

export async function creditsByBucket(db: Db, userId: string, unit: Bucket, since: Date) {
  const key = bucketOf(creditTransactions.createdAt, unit);
  return db
    .select({ key, credits: netSpent })
    .from(creditTransactions)
    .where(and(eq(creditTransactions.userId, userId), spendKinds, gte(creditTransactions.createdAt, since)))
    .groupBy(key);
}

export async function imagesByBucket(db: Db, userId: string, unit: Bucket, since: Date) {
  const key = bucketOf(usageLogs.createdAt, unit);
  return db
    .select({ key, images: imageCount })
    .from(usageLogs)
    .where(and(eq(usageLogs.userId, userId), eq(usageLogs.success, true), gte(usageLogs.createdAt, since)))
    .groupBy(key);
}

export async function spentSince(db: Db, userId: string, since?: Date) {
  const [row] = await db
    .select({ credits: netSpent })
    .from(creditTransactions)
    .where(
      and(
        eq(creditTransactions.userId, userId),
        spendKinds,
        since ? gte(creditTransactions.createdAt, since) : undefined,
      ),
    );
  return row?.credits ?? 0;
}

export async function imagesMadeSince(db: Db, userId: string, since?: Date) {
  const [row] = await db
    .select({ n: imageCount })
    .from(usageLogs)
    .where(
      and(
        eq(usageLogs.userId, userId),
        eq(usageLogs.success, true),
        since ? gte(usageLogs.createdAt, since) : undefined,
      ),
    );
  return row?.n ?? 0;
}

export async function libraryCounts(db: Db, userId: string) {
  const [img] = await db
    .select({ n: count() })
    .from(images)
    .where(and(eq(images.userId, userId), isNull(images.deletedAt)));
  const [proj] = await db
    .select({ n: count() })
    .from(projects)
    .where(and(eq(projects.userId, userId), eq(projects.isTemplate, false)));
  return { images: img?.n ?? 0, projects: proj?.n ?? 0 };
}

/** Credits by the job's model (null: entries whose job is gone) and images by model. */
export async function creditsByModel(db: Db, userId: string) {
  return db
    .select({ modelId: generationQueue.modelId, credits: netSpent })
    .from(creditTransactions)
    .leftJoin(
      generationQueue,
      and(eq(generationQueue.id, creditTransactions.jobId), eq(generationQueue.userId, userId)),
    )
    .where(and(eq(creditTransactions.userId, userId), spendKinds))
    .groupBy(generationQueue.modelId);
}

export async function imagesByModel(db: Db, userId: string) {
  return db
    .select({ modelId: usageLogs.modelId, images: imageCount })
    .from(usageLogs)
    .where(and(eq(usageLogs.userId, userId), eq(usageLogs.success, true)))
    .groupBy(usageLogs.modelId);
}

export async function creditsByProject(db: Db, userId: string) {
  return db
    .select({ projectId: generationQueue.projectId, credits: netSpent })
    .from(creditTransactions)
    .leftJoin(
      generationQueue,
      and(eq(generationQueue.id, creditTransactions.jobId), eq(generationQueue.userId, userId)),
    )
    .where(and(eq(creditTransactions.userId, userId), spendKinds))
    .groupBy(generationQueue.projectId);
}

export async function imagesByProject(db: Db, userId: string) {
  return db
    .select({ projectId: generationQueue.projectId, images: imageCount })
    .from(usageLogs)
    .leftJoin(generationQueue, and(eq(generationQueue.id, usageLogs.jobId), eq(generationQueue.userId, userId)))
    .where(and(eq(usageLogs.userId, userId), eq(usageLogs.success, true)))
    .groupBy(generationQueue.projectId);
}

export async function projectNames(db: Db, userId: string, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({ id: projects.id, name: projects.name })
    .from(projects)
    .where(and(eq(projects.userId, userId), inArray(projects.id, ids)));
}

/** The caller's recent text-to-image jobs: model and size settings, for "typical settings" and tips. */
export async function recentJobs(db: Db, userId: string, since: Date, limit = 200) {
  return db
    .select({
      modelId: generationQueue.modelId,
      parameters: generationQueue.parameters,
      status: generationQueue.status,
      creditsHeld: generationQueue.creditsHeld,
      createdAt: generationQueue.createdAt,
    })
    .from(generationQueue)
    .where(
      and(
        eq(generationQueue.userId, userId),
        eq(generationQueue.operation, "text-to-image"),
        gte(generationQueue.createdAt, since),
      ),
    )
    .orderBy(desc(generationQueue.createdAt))
    .limit(limit);
}

