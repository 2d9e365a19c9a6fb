import { inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { generationQueue as q, images } from "../../db/schema";

export interface QueueFigures {
  byModel: { status: string; modelId: string; n: number }[];
  oldestPendingSeconds: number;
  expiredLeases: number;
}

const active = inArray(q.status, ["pending", "processing"]);

/** Queue depth for every user (an operator's view): waiting and running jobs per model, the oldest due job. */
export async function queueFigures(db: Db): Promise<QueueFigures> {
  const byModel = await db
    .select({ status: q.status, modelId: q.modelId, n: sql<number>`count(*)::int` })
    .from(q)
    .where(active)
    .groupBy(q.status, q.modelId);
  const [facts] = await db
    .select({
      oldest: sql<
        number | null
      >`extract(epoch from now() - min(${q.runAfter}) filter (where ${q.status} = 'pending' and ${q.runAfter} <= now()))::float8`,
      expired: sql<number>`(count(*) filter (where ${q.status} = 'processing' and ${q.leaseExpiresAt} < now()))::int`,
    })
    .from(q)
    .where(active);
  return {
    byModel: byModel.map((r) => ({ ...r, n: Number(r.n) })),
    oldestPendingSeconds: Math.max(0, Number(facts?.oldest ?? 0)),
    expiredLeases: Number(facts?.expired ?? 0),
  };
}

/** Bytes of stored originals for every user; rows sharing one object (duplicated projects) count it once. */
export async function storedBytes(db: Db): Promise<{ liveBytes: number; trashBytes: number }> {
  const objects = db.$with("objects").as(
    db
      .select({
        inTrash: sql<boolean>`bool_and(${images.deletedAt} is not null)`.as("in_trash"),
        size: sql<number>`max(${images.fileSize})`.as("size"),
      })
      .from(images)
      .groupBy(images.filePath),
  );
  const [r] = await db
    .with(objects)
    .select({
      live: sql<string>`coalesce(sum(${objects.size}) filter (where not ${objects.inTrash}), 0)::bigint`,
      trash: sql<string>`coalesce(sum(${objects.size}) filter (where ${objects.inTrash}), 0)::bigint`,
    })
    .from(objects);
  return { liveBytes: Number(r?.live ?? 0), trashBytes: Number(r?.trash ?? 0) };
}
