import type { Prompt } from "@image-studio/shared";

/** Searching, filtering and sorting the prompt library — pure, so the page and the tests share it. */

export const PROMPT_SORTS = ["recent", "used", "title"] as const;
export type PromptSort = (typeof PROMPT_SORTS)[number];

export interface PromptFilter {
  q: string;
  /** null = every category. */
  category: string | null;
  favoritesOnly: boolean;
  sort: PromptSort;
}

export const EMPTY_FILTER: PromptFilter = { q: "", category: null, favoritesOnly: false, sort: "recent" };

/** Every word of the query must appear in the title, the prompt text or a tag (case-insensitive). */
export function matchesQuery(p: Prompt, q: string): boolean {
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const haystack = [p.title, p.promptText, ...p.tags].join("\n").toLowerCase();
  return words.every((w) => haystack.includes(w));
}

const byRecent = (a: Prompt, b: Prompt) =>
  a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.id.localeCompare(b.id);
const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

const COMPARATORS: Record<PromptSort, (a: Prompt, b: Prompt) => number> = {
  recent: byRecent,
  used: (a, b) => b.usageCount - a.usageCount || byRecent(a, b),
  title: (a, b) => collator.compare(a.title, b.title) || byRecent(a, b),
};

export function filterPrompts(prompts: readonly Prompt[], f: PromptFilter): Prompt[] {
  return prompts
    .filter(
      (p) =>
        (f.category === null || p.category === f.category) &&
        (!f.favoritesOnly || p.isFavorite) &&
        matchesQuery(p, f.q),
    )
    .sort(COMPARATORS[f.sort]);
}

/** The categories in use, alphabetically (the filter chips and the form's suggestions). */
export function categoriesOf(prompts: readonly Prompt[]): string[] {
  const set = new Set(prompts.map((p) => p.category?.trim()).filter((c): c is string => !!c));
  return [...set].sort(collator.compare);
}

export const isFiltered = (f: PromptFilter) => f.q.trim() !== "" || f.category !== null || f.favoritesOnly;
