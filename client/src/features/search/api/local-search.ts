import { i18n } from "@/i18n";
import {
  byRank,
  type GlobalSearchQuery,
  type GlobalSearchResponse,
  queryWords,
  rankMatch,
  type RankField,
  SEARCH_WEIGHTS,
  type SearchHit,
} from "@image-studio/shared";
import { db } from "@/offline";

/** How many records of each kind the offline search reads at most (newest first per table scan). */
const SCAN_MAX = 20_000;
const W = SEARCH_WEIGHTS;
const short = (s: string, n = 140) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function ranked<T extends { updatedAt?: string; createdAt?: string }>(
  rows: T[],
  q: string,
  limit: number,
  fields: (r: T) => RankField[],
  hit: (r: T) => Omit<SearchHit, "score" | "matchedIn" | "updatedAt">,
): SearchHit[] {
  const out: SearchHit[] = [];
  for (const r of rows) {
    const m = rankMatch(q, fields(r));
    if (m.score > 0) out.push({ ...hit(r), ...m, updatedAt: r.updatedAt ?? r.createdAt ?? "" });
  }
  return out.sort(byRank).slice(0, limit);
}

/**
 * The same search over the device's copy (Dexie), ranked with the server's rules — for offline use. Trigram near
 * misses are the server's alone.
 */
export async function localSearch(input: GlobalSearchQuery): Promise<GlobalSearchResponse> {
  const { q, type, limit } = input;
  const want = (t: string) => type === "all" || type === t;
  const d = db();
  if (!queryWords(q).length) return { q, images: [], projects: [], collections: [], prompts: [] };
  const [images, projects, collections, prompts] = await Promise.all([
    want("images") ? d.images.limit(SCAN_MAX).toArray() : [],
    want("projects") ? d.projects.limit(SCAN_MAX).toArray() : [],
    want("collections") ? d.collections.limit(SCAN_MAX).toArray() : [],
    want("prompts") ? d.prompts.limit(SCAN_MAX).toArray() : [],
  ]);
  return {
    q,
    images: ranked(
      images.filter((i) => !i.deletedAt && (input.favorite === undefined || i.isFavorite === input.favorite) && (!input.modelId || i.modelId === input.modelId)),
      q,
      limit,
      (i) => [
        { name: "prompt", value: i.prompt, weight: W.images.prompt },
        { name: "tag", value: i.tags, weight: W.images.tag },
        { name: "notes", value: i.notes ?? "", weight: W.images.notes },
        { name: "altText", value: i.altText ?? "", weight: W.images.altText },
        { name: "negativePrompt", value: i.negativePrompt ?? "", weight: W.images.negativePrompt },
        { name: "model", value: i.modelId, weight: W.images.model },
        { name: "parameters", value: JSON.stringify(i.parameters ?? {}), weight: W.images.parameters },
      ],
      (i) => ({ type: "images", id: i.id, title: short(i.prompt || i.altText || i18n.t("search:local.untitledImage")), subtitle: i.modelId, tags: i.tags }),
    ),
    projects: ranked(
      projects.filter((p) => !p.isTemplate && (input.archived || !p.isArchived)),
      q,
      limit,
      (p) => [
        { name: "name", value: p.name, weight: W.projects.name },
        { name: "tag", value: p.tags, weight: W.projects.tag },
        { name: "description", value: p.description ?? "", weight: W.projects.description },
        { name: "notes", value: p.notes ?? "", weight: W.projects.notes },
      ],
      (p) => ({ type: "projects", id: p.id, title: p.name, subtitle: short(p.description || (p.isArchived ? i18n.t("search:local.archived") : "")), tags: p.tags }),
    ),
    collections: ranked(
      collections,
      q,
      limit,
      (c) => [
        { name: "name", value: c.name, weight: W.collections.name },
        { name: "description", value: c.description ?? "", weight: W.collections.description },
      ],
      (c) => ({ type: "collections", id: c.id, title: c.name, subtitle: short(c.description ?? ""), tags: [] }),
    ),
    prompts: ranked(
      prompts,
      q,
      limit,
      (p) => [
        { name: "title", value: p.title, weight: W.prompts.title },
        { name: "prompt", value: p.promptText, weight: W.prompts.prompt },
        { name: "tag", value: p.tags, weight: W.prompts.tag },
        { name: "category", value: p.category ?? "", weight: W.prompts.category },
        { name: "negativePrompt", value: p.negativePrompt ?? "", weight: W.prompts.negativePrompt },
      ],
      (p) => ({ type: "prompts", id: p.id, title: p.title, subtitle: short(p.promptText), tags: p.tags }),
    ),
  };
}
