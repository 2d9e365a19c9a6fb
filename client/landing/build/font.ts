/**
 * The landing page's own cuts of Inter: only the characters the prerendered page shows (plus printable ASCII) and
 * the weights it uses (400–800), in two files (see landingFonts): ~10 KB for the first render, preloaded, and the
 * whole page's cut for the later sections. Anything outside their unicode-ranges falls back to "Inter Fallback"
 * (the landing's stylesheet carries none of the app's Inter faces, see plugin.ts).
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

interface SubsetOptions {
  targetFormat: "woff2";
  keepFeatures: string[];
  variationAxes: Record<string, { min: number; max: number }>;
}
/** subset-font (HarfBuzz's hb-subset in WebAssembly) ships no types; this is the call the build makes. */
const subsetFont = createRequire(import.meta.url)("subset-font") as (
  font: Buffer,
  text: string,
  options: SubsetOptions,
) => Promise<Buffer>;

/** fontsource's Latin face of Inter (the file globals.css loads for the app). */
function sourceFont(clientDir: string): Buffer {
  const require = createRequire(path.join(clientDir, "package.json"));
  const pkg = path.dirname(require.resolve("@fontsource-variable/inter/package.json"));
  return readFileSync(path.join(pkg, "files/inter-latin-wght-normal.woff2"));
}

/** The code points of fontsource's Latin subset: the cut never claims characters the source file lacks. */
const LATIN = [
  [0x20, 0xff],
  [0x131, 0x131],
  [0x152, 0x153],
  [0x2bb, 0x2bc],
  [0x2c6, 0x2c6],
  [0x2da, 0x2da],
  [0x2dc, 0x2dc],
  [0x2000, 0x206f],
  [0x20ac, 0x20ac],
  [0x2122, 0x2122],
  [0x2191, 0x2191],
  [0x2193, 0x2193],
  [0x2212, 0x2212],
  [0x2215, 0x2215],
];
const inLatin = (cp: number) => LATIN.some(([lo, hi]) => cp >= lo! && cp <= hi!);

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/**
 * The text a reader sees in rendered HTML: tags dropped, entities decoded — and images' alt text, which Chrome
 * lays out (in the font of the page) while an image is still loading.
 */
export function visibleText(html: string): string {
  const alts = [...html.matchAll(/<img [^>]*?\balt="([^"]*)"/g)].map((m) => m[1]);
  return [html, ...alts]
    .join(" ")
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
      e[0] === "#"
        ? String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
        : (ENTITIES[e] ?? m),
    );
}

/** "U+20-7E,U+A9,…": consecutive code points folded into ranges. */
export function unicodeRange(codePoints: number[]): string {
  const sorted = [...new Set(codePoints)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    const hex = (n: number) => n.toString(16).toUpperCase();
    parts.push(i === j ? `U+${hex(sorted[i]!)}` : `U+${hex(sorted[i]!)}-${hex(sorted[j]!)}`);
    i = j + 1;
  }
  return parts.join(",");
}

export interface FontFile {
  fileName: string;
  source: Buffer;
}

export interface LandingFonts {
  /** The first render's cut (preload it) and the whole page's (for the later sections). */
  first: FontFile;
  page: FontFile;
  /** <style> body: one @font-face per cut. */
  css: string;
}

const SUBSET = {
  targetFormat: "woff2" as const,
  variationAxes: { wght: { min: 400, max: 800 } },
  keepFeatures: ["kern", "liga", "calt", "tnum", "ccmp", "locl", "mark", "mkmk"],
};

/** The Latin code points of a text, sorted, without repeats. */
const codePointsOf = (text: string) =>
  [...new Set([...text].map((c) => c.codePointAt(0)!))].filter(inLatin).sort((a, b) => a - b);

/** hb-subset of the source font to these code points, cached by content (the wasm subsetter takes seconds). */
async function cut(font: Buffer, codePoints: number[], cacheDir: string): Promise<{ source: Buffer; cached: string }> {
  const text = String.fromCodePoint(...codePoints);
  const key = createHash("sha256").update(font).update(text).update(JSON.stringify(SUBSET)).digest("hex").slice(0, 16);
  const cached = path.join(cacheDir, `inter-${key}.woff2`);
  if (existsSync(cached)) return { source: readFileSync(cached), cached };
  const source = await subsetFont(font, text, SUBSET);
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(cached, source);
  return { source, cached };
}

/** The families landing.css uses: the first render's (on <body>) and the later sections' (enhance.ts loads it). */
export const FAMILY = { first: "Inter Landing", page: "Inter Landing Page" } as const;

const face = (family: string, file: FontFile, display: "optional" | "swap", codePoints: number[]) =>
  `@font-face{font-family:"${family}";font-style:normal;font-weight:100 900;font-display:${display};src:url(/${file.fileName}) format("woff2-variations");unicode-range:${unicodeRange(codePoints)}}`;

/**
 * Two cuts in two families. The first holds only what the first render shows (header, hero, features; ~10 KB): it
 * is preloaded and `optional`, so the LCP heading waits for one small file and never reflows. The second is the
 * whole page's cut (every character it shows, plus printable ASCII) for the sections after those (landing.css):
 * nothing a phone's first render lays out asks for it, enhance.ts loads it after the first paint, and it is
 * `swap`, so a section that renders before it arrives changes glyphs once instead of keeping the fallback for good.
 * Each section's text comes from one file: text shaped across two files loses the kerning between them (a price
 * line in the model cards wrapped when the cuts were disjoint).
 */
export async function landingFonts(
  text: { firstScreen: string; page: string },
  opts: { clientDir: string; cacheDir: string },
): Promise<LandingFonts> {
  const ascii = String.fromCodePoint(...Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i));
  const firstPoints = codePointsOf(text.firstScreen);
  const pagePoints = codePointsOf(ascii + text.page);
  const font = sourceFont(opts.clientDir);
  const [first, page] = await Promise.all([firstPoints, pagePoints].map((cps) => cut(font, cps, opts.cacheDir)));
  for (const old of readdirSync(opts.cacheDir))
    if (![first!.cached, page!.cached].includes(path.join(opts.cacheDir, old)))
      rmSync(path.join(opts.cacheDir, old), { force: true });
  const file = (source: Buffer, part: string): FontFile => ({
    fileName: `assets/inter-landing-${part}-${createHash("sha256").update(source).digest("hex").slice(0, 8)}.woff2`,
    source,
  });
  const files = { first: file(first!.source, "top"), page: file(page!.source, "page") };
  // The weight range is declared as fontsource's (100–900); the files span 400–800, every weight the page uses.
  const css =
    face(FAMILY.first, files.first, "optional", firstPoints) + face(FAMILY.page, files.page, "swap", pagePoints);
  return { ...files, css };
}
