import { eq, inArray } from "drizzle-orm";
import { generationQueue, users } from "../../src/db/schema";
import type { TestApp } from "../harness";

export const MODEL = "local/sketch-fast";

export const balance = async (t: TestApp, userId: string) =>
  (await t.deps.database.db.select({ b: users.creditsBalance }).from(users).where(eq(users.id, userId)))[0]!.b;

export const batchJobs = (t: TestApp, batchId: string) =>
  t.deps.database.db
    .select()
    .from(generationQueue)
    .where(eq(generationQueue.batchId, batchId))
    .orderBy(generationQueue.batchIndex, generationQueue.createdAt);

/** Earlier tests (and other files on PostgreSQL) leave jobs waiting; tests that look at the whole line clear it. */
export const clearLine = (t: TestApp) =>
  t.deps.database.db
    .update(generationQueue)
    .set({ status: "cancelled" })
    .where(inArray(generationQueue.status, ["pending", "processing"]));

