import { and, desc, eq, isNotNull, isNull, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { rowsOf } from "../../db/rows";
import { generationQueue, images, promptStars, prompts, users } from "../../db/schema";

/** Queries behind the community list, stars, copies, usage history and keep-rates. */

const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A published prompt, whoever owns it. */
export async function getPublished(db: Db, id: string) {
  const [row] = await db
    .select()
    .from(prompts)
    .where(and(eq(prompts.id, id), eq(prompts.isPublic, true), isNotNull(prompts.publishedAt)));
  return row;
}

export interface PublicListInput {
  viewerId: string;
  q?: string;
  category?: string;
  sort: "recent" | "popular";
  limit: number;
  /** recent: after (publishedAt, id); popular: offset. */
  after?: { at: Date; id: string };
  offset?: number;
}

export async function listPublished(db: Db, input: PublicListInput) {
  const stars = sql<number>`(select count(*)::int from ${promptStars} s where s.prompt_id = ${prompts.id})`;
  const starred = sql<boolean>`exists(select 1 from ${promptStars} s where s.prompt_id = ${prompts.id} and s.user_id = ${input.viewerId})`;
  const q = input.q?.trim();
  const where = and(
    eq(prompts.isPublic, true),
    isNotNull(prompts.publishedAt),
    input.category ? sql`lower(${prompts.category}) = lower(${input.category})` : undefined,
    q
      ? or(
          sql`${prompts.title} ilike ${like(q)}`,
          sql`${prompts.promptText} ilike ${like(q)}`,
          sql`exists(select 1 from unnest(${prompts.tags}) t where t ilike ${like(q)})`,
        )
      : undefined,
    input.sort === "recent" && input.after
      ? sql`(${prompts.publishedAt}, ${prompts.id}) < (${input.after.at.toISOString()}::timestamptz, ${input.after.id}::uuid)`
      : undefined,
  );
  const query = db
    .select({
      row: prompts,
      authorName: users.name,
      exampleLive: sql<boolean>`(${images.id} is not null)`,
      stars,
      starred,
    })
    .from(prompts)
    .innerJoin(users, eq(users.id, prompts.userId))
    .leftJoin(images, and(eq(images.id, prompts.exampleImageId), eq(images.userId, prompts.userId), isNull(images.deletedAt)))
    .where(where);
  return input.sort === "popular"
    ? query.orderBy(desc(stars), desc(prompts.copyCount), desc(prompts.publishedAt), desc(prompts.id)).limit(input.limit + 1).offset(input.offset ?? 0)
    : query.orderBy(desc(prompts.publishedAt), desc(prompts.id)).limit(input.limit + 1);
}

/** The live example picture of a published prompt: its owner and image id. */
export async function publishedExample(db: Db, promptId: string) {
  const [row] = await db
    .select({ ownerId: prompts.userId, imageId: images.id })
    .from(prompts)
    .innerJoin(images, and(eq(images.id, prompts.exampleImageId), eq(images.userId, prompts.userId), isNull(images.deletedAt)))
    .where(and(eq(prompts.id, promptId), eq(prompts.isPublic, true), isNotNull(prompts.publishedAt)));
  return row;
}

export async function star(db: Db, userId: string, promptId: string, on: boolean) {
  if (on) await db.insert(promptStars).values({ userId, promptId }).onConflictDoNothing();
  else await db.delete(promptStars).where(and(eq(promptStars.userId, userId), eq(promptStars.promptId, promptId)));
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(promptStars).where(eq(promptStars.promptId, promptId));
  return row?.n ?? 0;
}

export async function bumpCopies(db: Db, promptId: string) {
  await db
    .update(prompts)
    .set({ copyCount: sql`${prompts.copyCount} + 1` })
    .where(eq(prompts.id, promptId));
}

/** Takes a prompt off the community list (an administrator's moderation). True when it was public. */
export async function unpublish(db: Db, promptId: string): Promise<boolean> {
  const rows = await db
    .update(prompts)
    .set({ isPublic: false, publishedAt: null, updatedAt: new Date(), version: sql`nextval('sync_version_seq')` })
    .where(and(eq(prompts.id, promptId), eq(prompts.isPublic, true)))
    .returning({ id: prompts.id });
  return rows.length > 0;
}

export async function categories(db: Db, userId: string) {
  return db
    .select({ name: prompts.category, count: sql<number>`count(*)::int` })
    .from(prompts)
    .where(and(eq(prompts.userId, userId), isNotNull(prompts.category), sql`${prompts.category} <> ''`))
    .groupBy(prompts.category)
    .orderBy(desc(sql`count(*)`), prompts.category);
}

/** Images made from each job, with how many are kept (not trashed) and favourited. */
const imageFacts = sql`
  left join lateral (
    select count(*)::int as images,
           count(*) filter (where i.deleted_at is null)::int as kept,
           count(*) filter (where i.deleted_at is null and i.is_favorite)::int as favorited
    from ${images} i where i.job_id = j.id and i.user_id = j.user_id
  ) f on true`;

interface FactsRow {
  images: number;
  kept: number;
  favorited: number;
}
export interface HistoryRow extends FactsRow {
  text: string;
  negative_prompt: string;
  model_id: string;
  uses: number;
  last_used_at: string | Date;
}

/** Distinct prompts of the user's text-to-image jobs: uses, last use, and what became of their images. */
export async function history(db: Db, userId: string, opts: { q?: string; limit: number }): Promise<HistoryRow[]> {
  const q = opts.q?.trim();
  const res = await db.execute(sql`
    select j.prompt as text,
           (array_agg(j.negative_prompt order by j.created_at desc))[1] as negative_prompt,
           (array_agg(j.model_id order by j.created_at desc))[1] as model_id,
           count(*)::int as uses,
           max(j.created_at) as last_used_at,
           coalesce(sum(f.images), 0)::int as images,
           coalesce(sum(f.kept), 0)::int as kept,
           coalesce(sum(f.favorited), 0)::int as favorited
    from ${generationQueue} j ${imageFacts}
    where j.user_id = ${userId} and j.operation = 'text-to-image' and j.prompt <> ''
      ${q ? sql`and j.prompt ilike ${like(q)}` : sql``}
    group by j.prompt
    order by max(j.created_at) desc
    limit ${opts.limit}`);
  return rowsOf<HistoryRow>(res);
}

/** Per saved prompt: jobs that named it and what became of their images. */
export async function stats(db: Db, userId: string) {
  const res = await db.execute(sql`
    select j.prompt_id, count(*)::int as uses,
           coalesce(sum(f.images), 0)::int as images,
           coalesce(sum(f.kept), 0)::int as kept,
           coalesce(sum(f.favorited), 0)::int as favorited
    from ${generationQueue} j ${imageFacts}
    where j.user_id = ${userId} and j.prompt_id is not null
    group by j.prompt_id`);
  return rowsOf<FactsRow & { prompt_id: string; uses: number }>(res);
}

/** The user's saved prompts matching `q`, best first: title match, then title prefix, then text prefix, then anywhere. */
export async function searchLibrary(db: Db, userId: string, q: string, limit: number) {
  const lower = q.toLowerCase();
  const rank = sql<number>`case
      when lower(${prompts.title}) = ${lower} then 0
      when lower(${prompts.title}) like ${`${lower.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} then 1
      when lower(${prompts.promptText}) like ${`${lower.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} then 2
      when ${prompts.title} ilike ${like(q)} then 3
      else 4 end`;
  return db
    .select()
    .from(prompts)
    .where(
      and(
        eq(prompts.userId, userId),
        or(
          sql`${prompts.title} ilike ${like(q)}`,
          sql`${prompts.promptText} ilike ${like(q)}`,
          sql`${prompts.category} ilike ${like(q)}`,
          sql`exists(select 1 from unnest(${prompts.tags}) t where t ilike ${like(q)})`,
        ),
      ),
    )
    .orderBy(rank, desc(prompts.usageCount), desc(prompts.updatedAt))
    .limit(limit);
}
