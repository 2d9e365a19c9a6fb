/**
 * How search ranks a record, the same on the server and over the device's offline copy. No zod here: the offline
 * search and the search box load this without the search contracts' schemas (search.ts re-exports it).
 */
export const SEARCH_TYPES = ["images", "projects", "collections", "prompts"] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** A searchable field: its name, its text (or several, e.g. tags) and how much a match there counts. */
export interface RankField {
  name: string;
  value: string | readonly string[];
  weight: number;
}

const norm = (s: string) => s.toLowerCase().normalize("NFKC").replace(/\s+/g, " ").trim();
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The distinct words of a query (at most 8), lower-cased. */
export const queryWords = (q: string) => [...new Set(norm(q).split(" ").filter(Boolean))].slice(0, 8);

/** How well one text matches the whole phrase: exact 100, prefix 80, at a word start 60, inside a word 40. */
function phraseScore(text: string, phrase: string): number {
  if (!phrase) return 0;
  if (text === phrase) return 100;
  if (text.startsWith(phrase)) return 80;
  if (new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRe(phrase)}`, "u").test(text)) return 60;
  if (text.includes(phrase)) return 40;
  return 0;
}

/** Words matched separately: 30 when each starts a word somewhere, less for words found only inside others. */
function wordsScore(text: string, words: string[]): number {
  let total = 0;
  for (const w of words) {
    if (new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRe(w)}`, "u").test(text)) total += 30;
    else if (text.includes(w)) total += 15;
  }
  return words.length ? total / words.length : 0;
}

/**
 * Ranks one record for a query. Every word must appear in some field (else 0). The best field wins:
 * exact > prefix > word start > substring, times the field's weight; ties are broken by the caller (newest first).
 */
export function rankMatch(q: string, fields: RankField[]): { score: number; matchedIn: string } {
  const phrase = norm(q);
  const words = queryWords(q);
  if (!words.length) return { score: 0, matchedIn: "" };
  const texts = fields.map((f) => ({ f, values: (typeof f.value === "string" ? [f.value] : f.value).map(norm) }));
  const all = texts.flatMap((t) => t.values).join("\n");
  if (!words.every((w) => all.includes(w))) return { score: 0, matchedIn: "" };
  let best = { score: 0, matchedIn: fields[0]?.name ?? "" };
  for (const { f, values } of texts) {
    for (const v of values) {
      const s = Math.max(phraseScore(v, phrase), wordsScore(v, words)) * f.weight;
      if (s > best.score) best = { score: s, matchedIn: f.name };
    }
  }
  // Every word found, just spread over several fields: still a (weak) hit.
  if (best.score === 0) best.score = 5;
  return { score: Math.round(best.score * 10) / 10, matchedIn: best.matchedIn };
}

/** Sorts hits best first, then newest first. */
export const byRank = (a: { score: number; updatedAt: string }, b: { score: number; updatedAt: string }) =>
  b.score - a.score || b.updatedAt.localeCompare(a.updatedAt);

/** Fields searched per kind, with their weights (the same on the server and offline). */
export const SEARCH_WEIGHTS = {
  images: { prompt: 1, tag: 1.1, notes: 0.8, negativePrompt: 0.5, model: 0.7, parameters: 0.5, altText: 0.6 },
  projects: { name: 1.2, tag: 1, description: 0.8, notes: 0.7 },
  collections: { name: 1.2, description: 0.8 },
  prompts: { title: 1.2, prompt: 1, tag: 1, category: 0.8, negativePrompt: 0.5 },
} as const;
