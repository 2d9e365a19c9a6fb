import { and, desc, eq, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { collections, images, projects, prompts } from "../../db/schema";

/**
 * Candidate rows for global search, every query scoped by the owner. A row is a candidate when every word of the
 * query appears (ILIKE, served by the trigram indexes) in one of its searched fields, or — for prompts and image
 * prompts — when pg_trgm's word similarity says it is a near miss (typos). Ranking happens in the service.
 */

export const CANDIDATES = 300;

const likePattern = (s: string) => `%${s.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
const tagMatches = (col: AnyPgColumn, p: string) => sql`EXISTS (SELECT 1 FROM unnest(${col}) AS t(tag) WHERE t.tag ILIKE ${p})`;

function everyWord(words: string[], fields: (p: string) => SQL[]): SQL {
  return and(...words.map((w) => or(...fields(likePattern(w)))!))!;
}

export interface ImageFilters {
  favorite?: boolean;
  modelId?: string;
}

export async function imageCandidates(db: Db, userId: string, q: string, words: string[], f: ImageFilters) {
  const textMatch = everyWord(words, (p) => [
    sql`${images.prompt} ILIKE ${p}`,
    sql`${images.negativePrompt} ILIKE ${p}`,
    sql`${images.notes} ILIKE ${p}`,
    sql`${images.altText} ILIKE ${p}`,
    sql`${images.modelId} ILIKE ${p}`,
    sql`${images.parameters}::text ILIKE ${p}`,
    tagMatches(images.tags, p),
  ]);
  const fuzzy = sql`${q} <% ${images.prompt}`;
  return db
    .select({
      id: images.id,
      prompt: images.prompt,
      negativePrompt: images.negativePrompt,
      notes: images.notes,
      altText: images.altText,
      modelId: images.modelId,
      parameters: images.parameters,
      tags: images.tags,
      updatedAt: images.updatedAt,
      fuzzy: sql<boolean>`${fuzzy}`,
    })
    .from(images)
    .where(
      and(
        eq(images.userId, userId),
        isNull(images.deletedAt),
        f.favorite === undefined ? undefined : eq(images.isFavorite, f.favorite),
        f.modelId ? eq(images.modelId, f.modelId) : undefined,
        or(textMatch, fuzzy),
      ),
    )
    .orderBy(desc(images.updatedAt))
    .limit(CANDIDATES);
}

export async function projectCandidates(db: Db, userId: string, words: string[], archived: boolean | undefined) {
  return db
    .select({
      id: projects.id,
      name: projects.name,
      description: projects.description,
      notes: projects.notes,
      tags: projects.tags,
      isArchived: projects.isArchived,
      updatedAt: projects.updatedAt,
    })
    .from(projects)
    .where(
      and(
        eq(projects.userId, userId),
        eq(projects.isTemplate, false),
        archived ? undefined : eq(projects.isArchived, false),
        everyWord(words, (p) => [
          sql`${projects.name} ILIKE ${p}`,
          sql`${projects.description} ILIKE ${p}`,
          sql`${projects.notes} ILIKE ${p}`,
          tagMatches(projects.tags, p),
        ]),
      ),
    )
    .orderBy(desc(projects.updatedAt))
    .limit(CANDIDATES);
}

export async function collectionCandidates(db: Db, userId: string, words: string[]) {
  return db
    .select({ id: collections.id, name: collections.name, description: collections.description, updatedAt: collections.updatedAt })
    .from(collections)
    .where(
      and(
        eq(collections.userId, userId),
        everyWord(words, (p) => [sql`${collections.name} ILIKE ${p}`, sql`${collections.description} ILIKE ${p}`]),
      ),
    )
    .orderBy(desc(collections.updatedAt))
    .limit(CANDIDATES);
}

export async function promptCandidates(db: Db, userId: string, q: string, words: string[]) {
  const fuzzy = sql`${q} <% ${prompts.promptText}`;
  return db
    .select({
      id: prompts.id,
      title: prompts.title,
      promptText: prompts.promptText,
      negativePrompt: prompts.negativePrompt,
      category: prompts.category,
      tags: prompts.tags,
      updatedAt: prompts.updatedAt,
      fuzzy: sql<boolean>`${fuzzy}`,
    })
    .from(prompts)
    .where(
      and(
        eq(prompts.userId, userId),
        or(
          everyWord(words, (p) => [
            sql`${prompts.title} ILIKE ${p}`,
            sql`${prompts.promptText} ILIKE ${p}`,
            sql`${prompts.negativePrompt} ILIKE ${p}`,
            sql`coalesce(${prompts.category}, '') ILIKE ${p}`,
            tagMatches(prompts.tags, p),
          ]),
          fuzzy,
        ),
      ),
    )
    .orderBy(desc(prompts.updatedAt))
    .limit(CANDIDATES);
}
