/**
 * Prompt tools that need no network and no model: curated quick-add modifiers (model-aware), deterministic prompt
 * variations, refinement suggestions after a run, and suggestions from the user's own history. Pure functions —
 * the studio uses them offline, the server uses them in the API, and the same input always gives the same output.
 */
import type { ModelCategory } from "./catalog-base";
// English labels; the client shows categories and modifiers from the `labels` catalog by id.
import labels from "./locales/en/labels.json";

export const MODIFIER_CATEGORIES = [
  { id: "style", label: labels.modifierCategories.style },
  { id: "quality", label: labels.modifierCategories.quality },
  { id: "lighting", label: labels.modifierCategories.lighting },
  { id: "camera", label: labels.modifierCategories.camera },
  { id: "artist", label: labels.modifierCategories.artist },
  { id: "mood", label: labels.modifierCategories.mood },
  { id: "color", label: labels.modifierCategories.color },
  { id: "negative", label: labels.modifierCategories.negative },
] as const;
export type ModifierCategory = (typeof MODIFIER_CATEGORIES)[number]["id"];

/** Which model families a modifier suits: FLUX reads natural sentences; SD/SDXL respond to tag-style boosters. */
export type ModifierFamily = "flux" | "sd";

export interface PromptModifier {
  id: string;
  label: string;
  /** What is appended to the prompt (or the negative prompt for category "negative"). */
  text: string;
  category: ModifierCategory;
  /** Absent = suits every model. */
  families?: readonly ModifierFamily[];
  keywords?: readonly string[];
}

const m = (category: ModifierCategory, label: string, text: string, extra: Partial<PromptModifier> = {}): PromptModifier => ({
  id: `${category}:${label.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`,
  label,
  text,
  category,
  ...extra,
});

export const PROMPT_MODIFIERS: readonly PromptModifier[] = [
  // Style
  m("style", "Photorealistic", "photorealistic", { keywords: ["photo", "real"] }),
  m("style", "Cinematic", "cinematic film still", { keywords: ["movie", "film"] }),
  m("style", "Digital painting", "digital painting"),
  m("style", "Oil painting", "oil painting on canvas", { keywords: ["paint"] }),
  m("style", "Watercolor", "watercolor illustration", { keywords: ["paint"] }),
  m("style", "Anime", "anime style", { keywords: ["manga", "cartoon"] }),
  m("style", "Pixel art", "pixel art", { keywords: ["retro", "game"] }),
  m("style", "3D render", "3D render, octane render", { keywords: ["cgi"] }),
  m("style", "Isometric", "isometric illustration"),
  m("style", "Line art", "clean line art, ink drawing", { keywords: ["sketch"] }),
  m("style", "Low poly", "low poly"),
  m("style", "Studio Ghibli-like", "hand-drawn animation style, soft painted backgrounds"),
  // Quality boosters — natural phrasing for FLUX, tag lists for SD-family models
  m("quality", "Highly detailed", "highly detailed", { keywords: ["detail"] }),
  m("quality", "Sharp focus", "sharp focus"),
  m("quality", "Masterpiece tags", "masterpiece, best quality, ultra detailed", { families: ["sd"] }),
  m("quality", "8k", "8k uhd", { families: ["sd"] }),
  m("quality", "Fine textures", "with fine, natural textures and accurate details", { families: ["flux"] }),
  m("quality", "Professional photo", "shot as a professional photograph with accurate colours", { families: ["flux"] }),
  // Lighting
  m("lighting", "Golden hour", "golden hour lighting", { keywords: ["sunset", "warm"] }),
  m("lighting", "Soft light", "soft diffused light"),
  m("lighting", "Studio light", "studio lighting, softbox"),
  m("lighting", "Rim light", "rim lighting"),
  m("lighting", "Neon", "neon lighting", { keywords: ["cyberpunk", "night"] }),
  m("lighting", "Volumetric", "volumetric light, god rays"),
  m("lighting", "Moody low key", "low-key lighting, deep shadows", { keywords: ["dark"] }),
  m("lighting", "Overcast", "overcast daylight"),
  // Camera
  m("camera", "Close-up", "close-up shot"),
  m("camera", "Wide angle", "wide-angle shot", { keywords: ["landscape"] }),
  m("camera", "Macro", "macro photography"),
  m("camera", "Aerial", "aerial view, drone shot"),
  m("camera", "Portrait 85mm", "85mm lens, shallow depth of field, bokeh", { keywords: ["portrait"] }),
  m("camera", "35mm film", "35mm film photo, grain"),
  m("camera", "Tilt-shift", "tilt-shift photography"),
  m("camera", "Low angle", "low-angle shot"),
  // Art movements and broad artistic traditions (no living artists' names)
  m("artist", "Impressionism", "in the style of impressionism"),
  m("artist", "Art nouveau", "art nouveau style, ornamental lines"),
  m("artist", "Ukiyo-e", "ukiyo-e woodblock print"),
  m("artist", "Bauhaus", "bauhaus design, geometric shapes"),
  m("artist", "Surrealism", "surrealist painting"),
  m("artist", "Baroque", "baroque painting, chiaroscuro"),
  m("artist", "Pop art", "pop art, bold halftone colours"),
  m("artist", "Synthwave", "synthwave aesthetic"),
  // Mood
  m("mood", "Serene", "serene, peaceful atmosphere"),
  m("mood", "Dramatic", "dramatic atmosphere"),
  m("mood", "Whimsical", "whimsical, playful"),
  m("mood", "Eerie", "eerie, mysterious atmosphere"),
  m("mood", "Cozy", "cozy, warm atmosphere"),
  // Colour
  m("color", "Pastel", "pastel colour palette"),
  m("color", "Monochrome", "black and white"),
  m("color", "Vibrant", "vibrant saturated colours"),
  m("color", "Muted", "muted earthy tones"),
  m("color", "Teal & orange", "teal and orange colour grading"),
  // Negative prompt boosters (only for models that take a negative prompt)
  m("negative", "Blurry", "blurry", { families: ["sd"] }),
  m("negative", "Low quality", "low quality, worst quality, jpeg artifacts", { families: ["sd"] }),
  m("negative", "Bad anatomy", "bad anatomy, extra fingers, deformed hands", { families: ["sd"] }),
  m("negative", "Text & watermark", "text, watermark, signature", { families: ["sd"] }),
  m("negative", "Oversaturated", "oversaturated", { families: ["sd"] }),
];

export function modifierFamily(category: ModelCategory | undefined): ModifierFamily {
  return category === "stable-diffusion" ? "sd" : "flux";
}

/**
 * The modifiers that suit a model: its family's boosters, and negative ones only when it reads a negative prompt.
 * A query matches the English label, the prompt text, keywords and `localLabel` (the label in the reader's language).
 */
export function modifiersFor(
  model: { category?: ModelCategory; supportsNegativePrompt?: boolean } | undefined,
  query = "",
  localLabel?: (mod: PromptModifier) => string,
): PromptModifier[] {
  const family = modifierFamily(model?.category);
  const q = query.trim().toLowerCase();
  return PROMPT_MODIFIERS.filter((mod) => {
    if (mod.category === "negative" && !model?.supportsNegativePrompt) return false;
    if (mod.families && !mod.families.includes(family)) return false;
    if (!q) return true;
    return [mod.label, mod.text, ...(mod.keywords ?? []), localLabel?.(mod) ?? ""].some((s) => s.toLowerCase().includes(q));
  });
}

/** Appends a modifier to a comma-separated prompt unless it is already there (case-insensitive). */
export function appendModifier(prompt: string, text: string): string {
  const trimmed = prompt.trim().replace(/[,\s]+$/, "");
  if (!trimmed) return text;
  if (trimmed.toLowerCase().includes(text.toLowerCase())) return prompt;
  return `${trimmed}, ${text}`;
}

/** Which modifier categories a prompt already covers (by the curated texts and a few common words). */
export function coveredCategories(prompt: string): Set<ModifierCategory> {
  const p = prompt.toLowerCase();
  const out = new Set<ModifierCategory>();
  for (const mod of PROMPT_MODIFIERS) if (p.includes(mod.text.toLowerCase())) out.add(mod.category);
  if (/\b(light|lighting|lit|sunlight|sunset|sunrise|glow|shadows?)\b/.test(p)) out.add("lighting");
  if (/\b(shot|lens|mm|angle|close-up|closeup|view|photograph|photo)\b/.test(p)) out.add("camera");
  if (/\b(detailed|detail|sharp|quality|masterpiece|8k|4k)\b/.test(p)) out.add("quality");
  return out;
}

// ---- deterministic variations ----------------------------------------------------------------------------------

/** Small thesaurus of words common in image prompts; every word of a group may replace the others. */
const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ["beautiful", "stunning", "gorgeous", "breathtaking"],
  ["small", "tiny", "little", "miniature"],
  ["big", "huge", "giant", "enormous"],
  ["old", "ancient", "weathered", "antique"],
  ["dark", "shadowy", "gloomy", "dim"],
  ["bright", "luminous", "radiant", "vivid"],
  ["city", "metropolis", "town"],
  ["forest", "woods", "woodland"],
  ["house", "cottage", "cabin"],
  ["castle", "fortress", "citadel"],
  ["ocean", "sea"],
  ["mountain", "peak", "summit"],
  ["river", "stream", "creek"],
  ["cat", "kitten"],
  ["dog", "puppy", "hound"],
  ["car", "automobile", "vehicle"],
  ["portrait", "headshot"],
  ["futuristic", "sci-fi", "high-tech"],
  ["magical", "enchanted", "mystical"],
  ["quiet", "calm", "tranquil", "serene"],
  ["colorful", "colourful", "vibrant", "multicoloured"],
  ["misty", "foggy", "hazy"],
  ["rainy", "drizzly", "stormy"],
  ["snowy", "wintry", "frosty"],
];

const SYNONYM_INDEX = new Map<string, readonly string[]>();
for (const group of SYNONYM_GROUPS) for (const w of group) SYNONYM_INDEX.set(w, group);

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/** mulberry32: a tiny seeded PRNG, so variations are the same for the same prompt and seed everywhere. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

function swapSynonyms(prompt: string, r: () => number): string {
  return prompt.replace(/[A-Za-z-]+/g, (word) => {
    const group = SYNONYM_INDEX.get(word.toLowerCase());
    if (!group || r() < 0.4) return word;
    const others = group.filter((w) => w !== word.toLowerCase());
    const next = pick(r, others);
    return word[0] === word[0]!.toUpperCase() ? next[0]!.toUpperCase() + next.slice(1) : next;
  });
}

/** Replaces one curated modifier the prompt contains by another of the same category, or adds one it lacks. */
function swapModifier(prompt: string, r: () => number, family: ModifierFamily): string {
  const usable = PROMPT_MODIFIERS.filter((mod) => mod.category !== "negative" && (!mod.families || mod.families.includes(family)));
  const lower = prompt.toLowerCase();
  const present = usable.filter((mod) => lower.includes(mod.text.toLowerCase()));
  if (present.length) {
    const from = pick(r, present);
    const alternatives = usable.filter((mod) => mod.category === from.category && mod.id !== from.id && !lower.includes(mod.text.toLowerCase()));
    if (alternatives.length) {
      const to = pick(r, alternatives);
      const at = lower.indexOf(from.text.toLowerCase());
      return prompt.slice(0, at) + to.text + prompt.slice(at + from.text.length);
    }
  }
  const covered = coveredCategories(prompt);
  const missing = (["lighting", "camera", "mood", "color", "style"] as const).filter((c) => !covered.has(c));
  const category = missing.length ? pick(r, missing) : pick(r, ["mood", "color"] as const);
  return appendModifier(prompt, pick(r, usable.filter((mod) => mod.category === category)).text);
}

/** Moves the clauses after the subject (comma-separated) into another order; the first clause stays first. */
function reorderClauses(prompt: string, r: () => number): string {
  const parts = prompt.split(",").map((s) => s.trim()).filter(Boolean);
  if (parts.length < 3) return prompt;
  const [head, ...rest] = parts;
  for (let i = rest.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [rest[i], rest[j]] = [rest[j]!, rest[i]!];
  }
  return [head, ...rest].join(", ");
}

export interface PromptVariation {
  prompt: string;
  /** What changed, for the UI ("synonyms", "lighting swapped", …). */
  change: string;
}

/**
 * Up to `count` distinct rephrasings of a prompt — synonym swaps, modifier swaps, clause reordering — the same
 * list for the same prompt and seed. Never returns the input itself.
 */
export function promptVariations(prompt: string, opts: { count?: number; seed?: number; modelCategory?: ModelCategory } = {}): PromptVariation[] {
  const base = prompt.trim();
  if (!base) return [];
  const count = Math.max(1, Math.min(opts.count ?? 4, 12));
  const r = rng(hash(base) ^ (opts.seed ?? 0));
  const family = modifierFamily(opts.modelCategory);
  const seen = new Set([base.toLowerCase()]);
  const out: PromptVariation[] = [];
  const strategies: [string, (p: string) => string][] = [
    ["synonyms", (p) => swapSynonyms(p, r)],
    ["modifier", (p) => swapModifier(p, r, family)],
    ["reordered", (p) => reorderClauses(p, r)],
    ["synonyms + modifier", (p) => swapModifier(swapSynonyms(p, r), r, family)],
  ];
  for (let attempt = 0; out.length < count && attempt < count * 8; attempt++) {
    const [change, fn] = strategies[attempt % strategies.length]!;
    const next = fn(base).trim();
    if (!next || seen.has(next.toLowerCase())) continue;
    seen.add(next.toLowerCase());
    out.push({ prompt: next, change });
  }
  return out;
}

// ---- refinement suggestions --------------------------------------------------------------------------------------

export interface RefinementSuggestion {
  id: string;
  title: string;
  detail: string;
  /** Text to append to the prompt, or to the negative prompt. */
  append?: string;
  appendNegative?: string;
  /** Parameter changes to apply. */
  parameters?: Record<string, number>;
}

/**
 * What to try next after a run, from the prompt and the parameters alone (no image analysis): rules a
 * practitioner would apply. Ordered most useful first; at most `limit`.
 */
export function refinementSuggestions(
  input: { prompt: string; negativePrompt?: string; parameters?: Record<string, unknown>; model?: { category?: ModelCategory; supportsNegativePrompt?: boolean; id?: string } },
  limit = 4,
): RefinementSuggestion[] {
  const prompt = input.prompt.trim();
  const covered = coveredCategories(prompt);
  const family = modifierFamily(input.model?.category);
  const clauses = prompt.split(",").map((s) => s.trim()).filter(Boolean);
  const words = prompt.split(/\s+/).filter(Boolean).length;
  const out: RefinementSuggestion[] = [];
  const params = input.parameters ?? {};
  if (clauses.length > 10 || words > 70)
    out.push({
      id: "too-busy",
      title: "Too busy? Try fewer ideas",
      detail: `This prompt has ${clauses.length} comma-separated ideas; models blend or drop some past about eight. Keep the subject and the two or three ideas that matter most.`,
    });
  if (words < 5)
    out.push({
      id: "more-detail",
      title: "Describe the scene",
      detail: "Short prompts leave most choices to the model. Add where it is, what surrounds the subject and the time of day.",
    });
  if (!covered.has("lighting"))
    out.push({ id: "add-lighting", title: "Add lighting", detail: "Lighting changes the mood more than any other word.", append: family === "sd" ? "soft diffused light" : "lit by soft golden-hour light" });
  if (!covered.has("camera") && !covered.has("style"))
    out.push({ id: "add-framing", title: "Choose a framing", detail: "Say how the picture is taken or made — a close-up, a wide shot, a painting.", append: "wide-angle shot" });
  if (family === "sd" && !covered.has("quality"))
    out.push({ id: "add-quality", title: "Add quality boosters", detail: "SD-family models respond to quality tags.", append: "highly detailed, sharp focus" });
  if (input.model?.supportsNegativePrompt && !(input.negativePrompt ?? "").trim())
    out.push({ id: "add-negative", title: "Add a negative prompt", detail: "List what you don't want; it removes common artefacts.", appendNegative: "blurry, low quality, watermark, text" });
  const guidance = typeof params.guidanceScale === "number" ? params.guidanceScale : undefined;
  if (guidance !== undefined && guidance > 12)
    out.push({ id: "lower-guidance", title: "Lower the guidance", detail: `Guidance ${guidance} tends to oversaturate and harden edges; 5–8 is usually enough.`, parameters: { guidanceScale: 7 } });
  const steps = typeof params.steps === "number" ? params.steps : undefined;
  if (steps !== undefined && steps < 15 && family === "sd")
    out.push({ id: "more-steps", title: "More steps for detail", detail: `${steps} steps leaves SD models noisy; try 25–30.`, parameters: { steps: 28 } });
  return out.slice(0, limit);
}

// ---- suggestions from history ---------------------------------------------------------------------------------

export interface HistoryEntry {
  text: string;
  uses: number;
  /** ISO time of the last use. */
  lastUsedAt: string;
  /** Where it came from (the library, or a past generation). */
  source?: "library" | "history";
  id?: string;
}

/**
 * Prompts from the user's own history and library that continue what they are typing: whole-prompt prefix
 * matches first, then prompts containing every typed word as a word start, ranked by uses and recency.
 */
export function suggestFromHistory<T extends HistoryEntry>(typed: string, entries: readonly T[], opts: { limit?: number; now?: Date } = {}): T[] {
  const q = typed.trim().toLowerCase();
  if (q.length < 2) return [];
  const words = q.split(/\s+/).filter(Boolean);
  const now = (opts.now ?? new Date()).getTime();
  const scored: { e: T; tier: number; score: number }[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    const text = e.text.toLowerCase();
    if (text === q || seen.has(text)) continue;
    let tier: number;
    if (text.startsWith(q)) tier = 2;
    else if (words.every((w) => new RegExp(`(^|[^a-z0-9])${w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`).test(text))) tier = 1;
    else continue;
    seen.add(text);
    const ageDays = Math.max(0, (now - new Date(e.lastUsedAt).getTime()) / 86_400_000);
    const score = Math.log2(1 + e.uses) * 0.5 + 1 / (1 + ageDays / 7) + (e.source === "library" ? 0.25 : 0);
    scored.push({ e, tier, score });
  }
  scored.sort((a, b) => b.tier - a.tier || b.score - a.score || a.e.text.localeCompare(b.e.text));
  return scored.slice(0, opts.limit ?? 6).map((s) => s.e);
}
