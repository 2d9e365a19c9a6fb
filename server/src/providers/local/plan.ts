/**
 * Turns (prompt, negative prompt, seed, steps, guidance) into a ScenePlan: palette, which scene parts to draw,
 * post effects and tone. Pure and deterministic.
 */
import { type Hsl, hueDistance, mixHsl, wrapHue } from "./color";
import { type SceneFeatures, type StyleEffects, type TimeOfDay, type WordCue, findCues, tokenize } from "./cues";
import { Rng, hashString, mixSeed } from "./rng";

export interface SketchParams {
  prompt: string;
  negativePrompt?: string;
  seed: number;
  width: number;
  height: number;
  guidanceScale?: number;
  steps?: number;
  /** Fewer shapes, no grain (the `local/sketch-fast` model). */
  fast?: boolean;
  /** Changes the character of the picture at the same seed; "euler" (the default) is the reference. */
  sampler?: string;
}

export interface Palette {
  skyTop: Hsl;
  skyHorizon: Hsl;
  sun: Hsl;
  accents: Hsl[];
  ground: Hsl;
  water: Hsl;
}

export interface ScenePlan {
  palette: Palette;
  time: TimeOfDay;
  features: SceneFeatures;
  effects: StyleEffects;
  /** 0.3 (sparse) .. 1.4 (busy): number of shapes, ridge roughness. */
  detail: number;
  contrast: number;
  saturation: number;
  /** Grain amplitude in 8-bit levels. */
  grain: number;
  /** Seed for everything drawn from this plan. */
  drawSeed: number;
}

const NEGATABLE_FEATURES: Record<string, keyof SceneFeatures> = {
  mountain: "mountains",
  mountains: "mountains",
  hills: "mountains",
  water: "water",
  ocean: "water",
  sea: "water",
  tree: "trees",
  trees: "trees",
  forest: "trees",
  city: "city",
  buildings: "city",
  stars: "stars",
  star: "stars",
};

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Sky/accent hues the prompt asks for, colour names first. */
function promptHues(cues: WordCue[]): number[] {
  const colour = cues.filter((cue) => cue.colour).flatMap((cue) => cue.hues ?? []);
  const scene = cues.filter((cue) => !cue.colour).flatMap((cue) => cue.hues ?? []);
  return [...colour, ...scene].filter((h, i, all) => all.indexOf(h) === i);
}

/** Seed-driven colour scheme around a base hue. */
function schemeHues(base: number, rng: Rng): number[] {
  const scheme = rng.pick(["analogous", "complementary", "triad", "split"] as const);
  const offsets = {
    analogous: [0, 30, -30],
    complementary: [0, 180, 20],
    triad: [0, 120, 240],
    split: [0, 150, 210],
  }[scheme];
  return offsets.map((o) => wrapHue(base + o));
}

/** The hue farthest from every banned hue (seed breaks ties). */
function farthestHue(banned: number[], rng: Rng): number {
  let best = rng.range(0, 360);
  let bestScore = -1;
  for (let h = rng.range(0, 5); h < 360; h += 5) {
    const score = Math.min(...banned.map((b) => hueDistance(h, b)));
    if (score > bestScore) [best, bestScore] = [h, score];
  }
  return best;
}

/** Base hues that make believable skies (blues, purples, pinks, oranges, teals) for prompts without colour words. */
const SKY_BASES: readonly [number, number][] = [
  [195, 245],
  [255, 300],
  [320, 360],
  [10, 40],
  [165, 190],
];

function chooseHues(cues: WordCue[], banned: number[], rng: Rng): number[] {
  const allowed = (h: number) => banned.every((b) => hueDistance(h, b) > 30);
  const asked = promptHues(cues).filter(allowed);
  if (asked.length > 0)
    return asked.length > 1 ? asked : [...asked, ...schemeHues(asked[0]!, rng).slice(1).filter(allowed)];
  const [lo, hi] = rng.pick(SKY_BASES);
  const free = schemeHues(rng.range(lo, hi), rng).filter(allowed);
  if (free.length > 0) return free;
  const far = farthestHue(banned, rng);
  return [far, ...[far + 25, far - 25].map(wrapHue).filter(allowed)];
}

function chooseTime(cues: WordCue[], negative: WordCue[], rng: Rng): TimeOfDay {
  const asked = cues.find((cue) => cue.time)?.time;
  const bannedTimes = new Set(negative.map((cue) => cue.time).filter((t) => t !== undefined));
  if (asked && !bannedTimes.has(asked)) return asked;
  const options = (["day", "day", "golden", "golden", "night"] as const).filter((t) => !bannedTimes.has(t));
  return options.length > 0 ? rng.pick(options) : "day";
}

function chooseFeatures(cues: WordCue[], negativeWords: string[], time: TimeOfDay, rng: Rng): SceneFeatures {
  const asked: Partial<SceneFeatures> = Object.assign({}, ...cues.map((cue) => cue.features ?? {}));
  const anyScene = Object.keys(asked).length > 0;
  const abstract = asked.abstract ?? (!anyScene && rng.chance(0.3));
  const features: SceneFeatures = {
    abstract,
    mountains: !abstract && (asked.mountains ?? (!asked.city && !asked.water ? true : rng.chance(0.4))),
    water: !abstract && (asked.water ?? (!anyScene && rng.chance(0.3))),
    trees: !abstract && (asked.trees ?? (!anyScene && rng.chance(0.35))),
    city: !abstract && (asked.city ?? false),
    stars: asked.stars ?? time === "night",
  };
  for (const word of negativeWords) {
    const feature = NEGATABLE_FEATURES[word];
    if (feature) features[feature] = false;
  }
  return features;
}

/** A pale moon at night, a warm-white sun by day, and at golden hour a warm hue from the palette. */
function sunColour(
  time: TimeOfDay,
  hue: number,
  S: (v: number) => number,
  L: (day: number, golden: number, night: number) => number,
): Hsl {
  if (time === "night") return { h: hue, s: 0.2, l: 0.9 };
  if (time === "day") return { h: 48, s: S(0.8), l: 0.88 };
  const warm = hueDistance(hue, 30) <= 60;
  return { h: warm ? hue : 32, s: S(0.9), l: L(0, 0.66, 0) };
}

function groundHues(cues: WordCue[], banned: number[]): number[] {
  return cues.flatMap((cue) => cue.ground ?? []).filter((h) => banned.every((b) => hueDistance(h, b) > 30));
}

function buildPalette(hues: number[], land: number[], time: TimeOfDay, sat: number, light: number): Palette {
  const h0 = hues[0]!;
  const h1 = hues[1 % hues.length]!;
  const h2 = hues[2 % hues.length]!;
  const g0 = land[0];
  const L = (day: number, golden: number, night: number) =>
    clamp((time === "day" ? day : time === "golden" ? golden : night) * light, 0.03, 0.96);
  const S = (v: number) => clamp(v * sat, 0, 1);
  // golden hour: the second hue overhead, the first (warm, usually) at the horizon
  const skyTop = { h: time === "golden" ? h1 : h0, s: S(0.55), l: L(0.5, 0.34, 0.08) };
  const skyHorizon = { h: time === "golden" ? h0 : h0 + 12, s: S(0.65), l: L(0.8, 0.64, 0.22) };
  const sun = sunColour(time, h2, S, L);
  const accents = [...hues, ...land.slice(0, 2)].map((h, i) => ({ h: h + i * 7, s: S(0.7), l: L(0.62, 0.55, 0.42) }));
  const ground =
    g0 === undefined ? { h: h0 + 8, s: S(0.35), l: L(0.24, 0.16, 0.07) } : { h: g0, s: S(0.5), l: L(0.28, 0.2, 0.08) };
  const water = mixHsl(skyTop, skyHorizon, 0.45);
  return { skyTop, skyHorizon, sun, accents, ground, water };
}

function product(cues: WordCue[], key: "sat" | "light"): number {
  return cues.reduce((acc, cue) => acc * (cue[key] ?? 1), 1);
}

/** The whole plan for one image. */
export function planScene(params: SketchParams): ScenePlan {
  const promptKey = tokenize(params.prompt).join(" ");
  const negativeWords = tokenize(params.negativePrompt ?? "");
  const sampler = params.sampler && params.sampler !== "euler" ? hashString(params.sampler) : 0;
  const rng = new Rng(mixSeed(params.seed, hashString(promptKey), hashString(negativeWords.join(" ")), sampler));
  const cues = findCues(params.prompt);
  const negative = findCues(params.negativePrompt ?? "");
  const banned = negative.flatMap((cue) => [...(cue.hues ?? []), ...(cue.ground ?? [])]);
  const time = chooseTime(cues, negative, rng.fork("time"));
  const hues = chooseHues(cues, banned, rng.fork("hues"));
  const effects: StyleEffects = Object.assign(
    { pixelate: false, mono: false, soft: false, flat: false },
    ...cues.map((cue) => cue.effects ?? {}),
  );
  const steps = params.steps ?? 20;
  const guidance = clamp(params.guidanceScale ?? 7, 0, 20);
  const detail = clamp(steps / 20, 0.3, 1.4) * (params.fast || effects.flat ? 0.45 : 1);
  const noGrain = params.fast || effects.flat || negativeWords.some((w) => w === "grain" || w === "noise");
  return {
    palette: buildPalette(
      hues,
      groundHues(cues, banned),
      time,
      product(cues, "sat"),
      clamp(product(cues, "light"), 0.4, 1.6),
    ),
    time,
    features: chooseFeatures(cues, negativeWords, time, rng.fork("features")),
    effects,
    detail: Math.max(0.3, detail),
    contrast: 0.85 + (guidance / 20) * 0.45,
    saturation: 0.85 + (guidance / 20) * 0.4,
    grain: noGrain ? 0 : effects.soft ? 2.5 : 3 + detail * 2,
    drawSeed: rng.fork("draw").int(0, 0xffffffff),
  };
}
