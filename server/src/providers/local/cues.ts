/**
 * Words that steer the sketch engine. The prompt is never rendered as text (and never reaches the SVG);
 * only these cues and a hash of the words do.
 */

export type TimeOfDay = "day" | "golden" | "night";

export interface SceneFeatures {
  mountains: boolean;
  water: boolean;
  trees: boolean;
  city: boolean;
  stars: boolean;
  /** No horizon: blobs and ribbons fill the frame. */
  abstract: boolean;
}

export interface StyleEffects {
  pixelate: boolean;
  mono: boolean;
  soft: boolean;
  flat: boolean;
}

export interface WordCue {
  hues?: readonly number[];
  /** Hues for the land (forest greens, desert sand) rather than the sky. */
  ground?: readonly number[];
  /** True for colour names: they weigh more than scene words and a negative prompt removes them. */
  colour?: boolean;
  /** Multipliers on saturation / lightness. */
  sat?: number;
  light?: number;
  time?: TimeOfDay;
  features?: Partial<SceneFeatures>;
  effects?: Partial<StyleEffects>;
}

const c = (hues: number[], extra: Omit<WordCue, "hues" | "colour"> = {}): WordCue => ({ hues, colour: true, ...extra });

const COLOURS: Record<string, WordCue> = {
  red: c([0]),
  crimson: c([350]),
  scarlet: c([5]),
  orange: c([28]),
  amber: c([40]),
  gold: c([45]),
  golden: c([44]),
  yellow: c([55]),
  lime: c([85]),
  green: c([125]),
  emerald: c([145]),
  mint: c([155], { light: 1.2 }),
  teal: c([175]),
  turquoise: c([172]),
  cyan: c([188]),
  aqua: c([185]),
  blue: c([218]),
  azure: c([205]),
  navy: c([228], { light: 0.6 }),
  indigo: c([245]),
  purple: c([275]),
  violet: c([268]),
  lavender: c([265], { sat: 0.6, light: 1.25 }),
  magenta: c([305]),
  pink: c([335], { light: 1.15 }),
  rose: c([345]),
  brown: c([25], { sat: 0.6, light: 0.7 }),
  beige: c([38], { sat: 0.4, light: 1.25 }),
  grey: c([210], { sat: 0.15 }),
  gray: c([210], { sat: 0.15 }),
  silver: c([210], { sat: 0.12, light: 1.2 }),
  black: c([230], { sat: 0.3, light: 0.45 }),
  white: c([210], { sat: 0.2, light: 1.35 }),
  pastel: { sat: 0.55, light: 1.25 },
  vibrant: { sat: 1.35 },
  vivid: { sat: 1.35 },
  muted: { sat: 0.55 },
  dark: { light: 0.6, time: "night" },
  bright: { light: 1.2 },
};

const SCENES: Record<string, WordCue> = {
  sunset: { hues: [18, 330, 42], time: "golden", features: { mountains: true } },
  sunrise: { hues: [30, 340, 50], time: "golden" },
  dusk: { hues: [285, 20], time: "golden" },
  dawn: { hues: [340, 35], time: "golden" },
  evening: { hues: [265, 25], time: "golden" },
  ocean: { hues: [200, 185], features: { water: true } },
  sea: { hues: [200, 180], features: { water: true } },
  lake: { hues: [205, 150], features: { water: true, mountains: true } },
  beach: { hues: [190, 45], features: { water: true } },
  water: { hues: [198], features: { water: true } },
  river: { hues: [195, 130], features: { water: true, trees: true } },
  forest: { ground: [130, 95, 160], features: { trees: true, mountains: true } },
  woods: { ground: [120, 35], features: { trees: true } },
  jungle: { ground: [120, 150], sat: 1.2, features: { trees: true } },
  tree: { ground: [115], features: { trees: true } },
  trees: { ground: [115], features: { trees: true } },
  pine: { ground: [150], features: { trees: true } },
  mountain: { hues: [220], features: { mountains: true } },
  mountains: { hues: [220], features: { mountains: true } },
  hills: { ground: [100], features: { mountains: true } },
  valley: { ground: [110], features: { mountains: true, trees: true } },
  desert: { ground: [35, 22], sat: 0.9, features: { mountains: true } },
  dune: { ground: [38], features: { mountains: true } },
  snow: { hues: [205], sat: 0.35, light: 1.3, features: { mountains: true } },
  winter: { hues: [210], sat: 0.4, light: 1.25, features: { mountains: true, trees: true } },
  ice: { hues: [195], sat: 0.5, light: 1.25 },
  autumn: { ground: [25, 10, 45], sat: 1.15, features: { trees: true } },
  fall: { ground: [22, 40] },
  spring: { hues: [330, 95], features: { trees: true } },
  flower: { hues: [330, 50, 100] },
  flowers: { hues: [330, 50, 100] },
  garden: { ground: [110, 330] },
  fire: { hues: [10, 30], sat: 1.3 },
  lava: { hues: [5, 25], sat: 1.3, time: "night", features: { mountains: true } },
  volcano: { hues: [8, 25], features: { mountains: true } },
  sun: { hues: [45, 205] },
  sunny: { hues: [205, 48], time: "day" },
  noon: { time: "day" },
  midday: { time: "day" },
  morning: { hues: [200, 40], time: "day" },
  daylight: { time: "day" },
  star: { hues: [240], time: "night", features: { stars: true } },
  night: { hues: [232, 260], time: "night", features: { stars: true } },
  midnight: { hues: [235], time: "night", features: { stars: true } },
  moon: { hues: [225], time: "night", features: { stars: true } },
  stars: { hues: [240], time: "night", features: { stars: true } },
  starry: { hues: [235, 50], time: "night", features: { stars: true } },
  space: { hues: [265, 220, 300], time: "night", features: { stars: true, abstract: true } },
  galaxy: { hues: [280, 210, 320], time: "night", features: { stars: true, abstract: true } },
  nebula: { hues: [300, 200, 330], sat: 1.2, time: "night", features: { stars: true, abstract: true } },
  cosmic: { hues: [270, 190], time: "night", features: { stars: true, abstract: true } },
  neon: { hues: [305, 185, 325], sat: 1.4, time: "night", features: { city: true } },
  cyberpunk: { hues: [300, 180], sat: 1.4, time: "night", features: { city: true } },
  city: { hues: [220, 35], features: { city: true } },
  skyline: { hues: [215, 30], features: { city: true } },
  street: { hues: [30, 220], features: { city: true } },
  abstract: { features: { abstract: true } },
  pattern: { features: { abstract: true } },
  swirl: { features: { abstract: true } },
  gradient: { features: { abstract: true } },
  bokeh: { features: { abstract: true } },
};

const EFFECTS: Record<string, WordCue> = {
  pixel: { effects: { pixelate: true } },
  pixelated: { effects: { pixelate: true } },
  "8-bit": { effects: { pixelate: true } },
  "16-bit": { effects: { pixelate: true } },
  monochrome: { effects: { mono: true } },
  grayscale: { effects: { mono: true } },
  greyscale: { effects: { mono: true } },
  noir: { effects: { mono: true } },
  watercolor: { effects: { soft: true } },
  watercolour: { effects: { soft: true } },
  dreamy: { effects: { soft: true } },
  misty: { effects: { soft: true } },
  fog: { effects: { soft: true } },
  foggy: { effects: { soft: true } },
  haze: { effects: { soft: true } },
  minimalist: { effects: { flat: true } },
  minimal: { effects: { flat: true } },
  flat: { effects: { flat: true } },
};

const PHRASES: [RegExp, WordCue][] = [
  [/\bblack\s+(and|&)\s+white\b/, { effects: { mono: true } }],
  [/\bline\s+art\b/, { effects: { mono: true } }],
  [/\bpixel\s+art\b/, { effects: { pixelate: true } }],
];

/** Lower-case words; "8-bit" style tokens survive. */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+(?:-[a-z0-9]+)*/g) ?? [];
}

function lookup(word: string): WordCue | undefined {
  const direct = COLOURS[word] ?? SCENES[word] ?? EFFECTS[word];
  if (direct) return direct;
  // "sunsets", "reddish", "snowy", "starry", "sunny" → the stem, when the stem is known
  const stems = [word.replace(/(ish|y|s)$/, ""), word.replace(/(ry|ny)$/, "")];
  for (const stem of stems) {
    const cue = stem !== word && stem.length > 2 ? (COLOURS[stem] ?? SCENES[stem]) : undefined;
    if (cue) return cue;
  }
  return undefined;
}

/** Every cue in the text, in reading order (phrases first). */
export function findCues(text: string): WordCue[] {
  const lower = text.toLowerCase();
  const phrases = PHRASES.filter(([re]) => re.test(lower)).map(([, cue]) => cue);
  const words = tokenize(lower)
    .map(lookup)
    .filter((cue): cue is WordCue => cue !== undefined);
  return [...phrases, ...words];
}
