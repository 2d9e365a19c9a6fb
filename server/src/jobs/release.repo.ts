import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { generationQueue as q, nextVersion } from "../db/schema";

/**
 * A stopping worker hands back the jobs it still holds: pending again, due now, lease cleared, so any other
 * worker claims them at once instead of waiting out the lease. The provider request id stays, so the next worker
 * resumes that request rather than paying for a new one; the retry count is untouched (nothing failed).
 */
export async function releaseOwned(db: Db, workerId: string): Promise<{ id: string; userId: string }[]> {
  return db
    .update(q)
    .set({ status: "pending", leaseOwner: null, leaseExpiresAt: null, runAfter: sql`now()`, version: nextVersion })
    .where(and(eq(q.leaseOwner, workerId), eq(q.status, "processing")))
    .returning({ id: q.id, userId: q.userId });
}
