import {
  byRank,
  type GlobalSearchQuery,
  type GlobalSearchResponse,
  type ImageList,
  queryWords,
  rankMatch,
  SEARCH_WEIGHTS,
  type SearchHit,
} from "@image-studio/shared";
import type { Ctx } from "../../context";
import * as images from "../images/images.service";
import * as repo from "./search.repo";

/**
 * Image search for the gallery: every word must appear in the prompt, the negative prompt, the model id or a tag
 * (case-insensitive, substring). Newest first, keyset-paginated like the gallery.
 */
export async function searchImages(ctx: Ctx, q: { q: string; cursor?: string; limit: number }): Promise<ImageList> {
  return images.list(ctx, { q: q.q, cursor: q.cursor, limit: q.limit, sort: "date", order: "desc" });
}

/** A near miss found only by trigram similarity ranks below every real match. */
const FUZZY_SCORE = 2;
const short = (s: string, n = 140) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const W = SEARCH_WEIGHTS;

function rank<T extends { updatedAt: Date }>(
  rows: T[],
  q: string,
  limit: number,
  toHit: (r: T) => Omit<SearchHit, "score" | "matchedIn" | "updatedAt">,
  fields: (r: T) => { name: string; value: string | readonly string[]; weight: number }[],
  fuzzy?: (r: T) => boolean,
): SearchHit[] {
  const hits: SearchHit[] = [];
  for (const r of rows) {
    let m = rankMatch(q, fields(r));
    if (m.score === 0 && fuzzy?.(r)) m = { score: FUZZY_SCORE, matchedIn: fields(r)[0]?.name ?? "" };
    if (m.score > 0) hits.push({ ...toHit(r), ...m, updatedAt: r.updatedAt.toISOString() });
  }
  return hits.sort(byRank).slice(0, limit);
}

/**
 * GET /api/search — the signed-in user's images, projects, collections and prompts matching `q`, each list best
 * first: an exact match ahead of a prefix, ahead of a match at a word start, ahead of one inside a word; then by
 * field weight (a tag or a name counts more than notes), then newest first.
 */
export async function searchAll(ctx: Ctx, input: GlobalSearchQuery): Promise<GlobalSearchResponse> {
  const { q, type, limit } = input;
  const words = queryWords(q);
  const want = (t: string) => type === "all" || type === t;
  const uid = ctx.user.id;
  const [imgs, projs, cols, prms] = await Promise.all([
    want("images") ? repo.imageCandidates(ctx.db, uid, q, words, input) : [],
    want("projects") ? repo.projectCandidates(ctx.db, uid, words, input.archived) : [],
    want("collections") ? repo.collectionCandidates(ctx.db, uid, words) : [],
    want("prompts") ? repo.promptCandidates(ctx.db, uid, q, words) : [],
  ]);
  return {
    q,
    images: rank(
      imgs,
      q,
      limit,
      (r) => ({ type: "images", id: r.id, title: short(r.prompt || r.altText || "Untitled image"), subtitle: r.modelId, tags: r.tags }),
      (r) => [
        { name: "prompt", value: r.prompt, weight: W.images.prompt },
        { name: "tag", value: r.tags, weight: W.images.tag },
        { name: "notes", value: r.notes, weight: W.images.notes },
        { name: "altText", value: r.altText, weight: W.images.altText },
        { name: "negativePrompt", value: r.negativePrompt, weight: W.images.negativePrompt },
        { name: "model", value: r.modelId, weight: W.images.model },
        { name: "parameters", value: JSON.stringify(r.parameters ?? {}), weight: W.images.parameters },
      ],
      (r) => r.fuzzy,
    ),
    projects: rank(
      projs,
      q,
      limit,
      (r) => ({ type: "projects", id: r.id, title: r.name, subtitle: short(r.description || (r.isArchived ? "Archived" : "")), tags: r.tags }),
      (r) => [
        { name: "name", value: r.name, weight: W.projects.name },
        { name: "tag", value: r.tags, weight: W.projects.tag },
        { name: "description", value: r.description, weight: W.projects.description },
        { name: "notes", value: r.notes, weight: W.projects.notes },
      ],
    ),
    collections: rank(
      cols,
      q,
      limit,
      (r) => ({ type: "collections", id: r.id, title: r.name, subtitle: short(r.description), tags: [] }),
      (r) => [
        { name: "name", value: r.name, weight: W.collections.name },
        { name: "description", value: r.description, weight: W.collections.description },
      ],
    ),
    prompts: rank(
      prms,
      q,
      limit,
      (r) => ({ type: "prompts", id: r.id, title: r.title, subtitle: short(r.promptText), tags: r.tags }),
      (r) => [
        { name: "title", value: r.title, weight: W.prompts.title },
        { name: "prompt", value: r.promptText, weight: W.prompts.prompt },
        { name: "tag", value: r.tags, weight: W.prompts.tag },
        { name: "category", value: r.category ?? "", weight: W.prompts.category },
        { name: "negativePrompt", value: r.negativePrompt, weight: W.prompts.negativePrompt },
      ],
      (r) => r.fuzzy,
    ),
  };
}
