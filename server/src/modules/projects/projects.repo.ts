import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { images, nextVersion, projects, tombstones } from "../../db/schema";

/** Drizzle queries for projects. Every one is scoped by the owner's id. */

export type ProjectRow = typeof projects.$inferSelect;
export type ProjectInsert = typeof projects.$inferInsert;
export type ProjectPatch = Partial<Omit<ProjectInsert, "id" | "userId" | "createdAt" | "updatedAt" | "version">>;

/** Drizzle leaves columns unqualified in a single-table select, so the correlated subqueries name their columns themselves. */
const live = sql`i.project_id = "projects"."id" AND i.deleted_at IS NULL`;
const computed = {
  imageCount: sql<number>`(SELECT count(*)::int FROM images i WHERE ${live})`,
  costCredits: sql<number>`(SELECT coalesce(sum(i.cost_credits), 0)::int FROM images i WHERE ${live})`,
  latestImageId: sql<
    string | null
  >`(SELECT i.id FROM images i WHERE ${live} ORDER BY i.created_at DESC, i.id DESC LIMIT 1)`,
};
export type ProjectWithCounts = ProjectRow & { imageCount: number; costCredits: number; latestImageId: string | null };

export interface ListArgs {
  archived?: boolean;
  templates: boolean;
  tag?: string;
  q?: string;
  limit?: number;
}

const like = (s: string) => `%${s.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

export async function list(db: Db, userId: string, a: ListArgs): Promise<ProjectWithCounts[]> {
  const conds: (SQL | undefined)[] = [eq(projects.userId, userId), eq(projects.isTemplate, a.templates)];
  if (a.archived !== undefined) conds.push(eq(projects.isArchived, a.archived));
  if (a.tag) conds.push(sql`${a.tag} = ANY(${projects.tags})`);
  if (a.q) {
    const p = like(a.q);
    conds.push(
      sql`(${projects.name} ILIKE ${p} OR ${projects.description} ILIKE ${p} OR ${projects.notes} ILIKE ${p} OR EXISTS (SELECT 1 FROM unnest(${projects.tags}) AS t(tag) WHERE t.tag ILIKE ${p}))`,
    );
  }
  const q = db
    .select({ p: projects, ...computed })
    .from(projects)
    .where(and(...conds))
    .orderBy(desc(projects.updatedAt), asc(projects.id));
  const rows = await (a.limit ? q.limit(a.limit) : q);
  return rows.map(({ p, ...c }) => ({ ...p, ...c }));
}

export async function get(db: Db, userId: string, id: string): Promise<ProjectWithCounts | undefined> {
  const [row] = await db
    .select({ p: projects, ...computed })
    .from(projects)
    .where(and(eq(projects.id, id), eq(projects.userId, userId)));
  return row
    ? { ...row.p, imageCount: row.imageCount, costCredits: row.costCredits, latestImageId: row.latestImageId }
    : undefined;
}

/** Any project with this id, whoever owns it (an upsert must not take over someone else's id). */
export async function ownerOf(db: Db, id: string): Promise<string | undefined> {
  const [row] = await db.select({ userId: projects.userId }).from(projects).where(eq(projects.id, id));
  return row?.userId;
}

/** Inserts unless the id exists (anyone's); true when inserted. A concurrent insert of the same id waits, then yields. */
export async function insertIfAbsent(db: Db, values: ProjectInsert): Promise<boolean> {
  const rows = await db.insert(projects).values(values).onConflictDoNothing({ target: projects.id }).returning({ id: projects.id });
  return rows.length > 0;
}

export async function update(db: Db, userId: string, id: string, patch: ProjectPatch, expectVersion?: number) {
  const conds = [eq(projects.id, id), eq(projects.userId, userId)];
  if (expectVersion !== undefined) conds.push(eq(projects.version, expectVersion));
  const [row] = await db
    .update(projects)
    .set({ ...patch, updatedAt: new Date(), version: nextVersion })
    .where(and(...conds))
    .returning({ id: projects.id });
  return row;
}

/** Deletes the project and writes its tombstone in one transaction. */
export async function remove(db: Db, userId: string, id: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const gone = await tx
      .delete(projects)
      .where(and(eq(projects.id, id), eq(projects.userId, userId)))
      .returning({ id: projects.id });
    if (gone.length)
      await tx.insert(tombstones).values({ userId, entity: "project", entityId: id, version: nextVersion });
    return gone.length > 0;
  });
}

/** Ids of the project's images (live and trashed). */
export async function imageIds(db: Db, userId: string, projectId: string, liveOnly = false): Promise<string[]> {
  const rows = await db
    .select({ id: images.id })
    .from(images)
    .where(
      and(eq(images.userId, userId), eq(images.projectId, projectId), liveOnly ? isNull(images.deletedAt) : undefined),
    )
    .orderBy(desc(images.createdAt), desc(images.id));
  return rows.map((r) => r.id);
}

/** Which of `ids` are the user's images. */
export async function ownedImageIds(db: Db, userId: string, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db
    .select({ id: images.id })
    .from(images)
    .where(and(eq(images.userId, userId), inArray(images.id, ids)));
  return rows.map((r) => r.id);
}

/**
 * The project's live images, locked against a concurrent delete for the rest of the transaction: a copy made
 * from them shares their stored originals, and a permanent delete that runs meanwhile waits, then sees the copy.
 */
export async function imageRowsForCopy(db: Db, userId: string, projectId: string) {
  return db
    .select()
    .from(images)
    .where(and(eq(images.userId, userId), eq(images.projectId, projectId), isNull(images.deletedAt)))
    .for("share");
}

export async function insertImages(db: Db, rows: (typeof images.$inferInsert)[]) {
  if (rows.length) await db.insert(images).values(rows);
}

export async function stats(db: Db, userId: string, projectId: string) {
  const where = and(eq(images.userId, userId), eq(images.projectId, projectId), isNull(images.deletedAt));
  const [totals] = await db
    .select({
      imageCount: sql<number>`count(*)::int`,
      generations: sql<number>`(count(DISTINCT ${images.jobId}) + count(*) FILTER (WHERE ${images.jobId} IS NULL))::int`,
      costCredits: sql<number>`coalesce(sum(${images.costCredits}), 0)::int`,
    })
    .from(images)
    .where(where);
  const models = await db
    .select({ modelId: images.modelId, count: sql<number>`count(*)::int` })
    .from(images)
    .where(where)
    .groupBy(images.modelId)
    .orderBy(sql`count(*) DESC`, images.modelId);
  const day = sql<string>`to_char(${images.createdAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;
  const overTime = await db
    .select({ day, count: sql<number>`count(*)::int` })
    .from(images)
    .where(where)
    .groupBy(day)
    .orderBy(day);
  return {
    imageCount: totals?.imageCount ?? 0,
    generations: totals?.generations ?? 0,
    costCredits: totals?.costCredits ?? 0,
    models,
    overTime,
  };
}
