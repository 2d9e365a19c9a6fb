/**
 * The landing page's own cut of Inter: only the characters the prerendered page shows (plus printable ASCII) and
 * the weights it uses (400–800), ~19 KB instead of ~48 KB. Served with font-display: optional and preloaded, so
 * text never reflows when it arrives; anything outside its unicode-range falls back to the full Inter faces.
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

/** The text a reader sees in rendered HTML: tags dropped, entities decoded. */
export function visibleText(html: string): string {
  return html
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

export interface LandingFont {
  fileName: string;
  source: Buffer;
  /** <style> body: the @font-face for the cut. */
  css: string;
}

export async function landingFont(
  pageText: string,
  opts: { clientDir: string; cacheDir: string },
): Promise<LandingFont> {
  const ascii = Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i);
  const codePoints = [...new Set([...ascii, ...[...pageText].map((c) => c.codePointAt(0)!)])]
    .filter(inLatin)
    .sort((a, b) => a - b);
  const text = String.fromCodePoint(...codePoints);
  const font = sourceFont(opts.clientDir);
  const options = {
    targetFormat: "woff2" as const,
    variationAxes: { wght: { min: 400, max: 800 } },
    keepFeatures: ["kern", "liga", "calt", "tnum", "ccmp", "locl", "mark", "mkmk"],
  };
  const key = createHash("sha256").update(font).update(text).update(JSON.stringify(options)).digest("hex").slice(0, 16);
  const cached = path.join(opts.cacheDir, `inter-${key}.woff2`);
  let source: Buffer;
  if (existsSync(cached)) source = readFileSync(cached);
  else {
    source = await subsetFont(font, text, options);
    mkdirSync(opts.cacheDir, { recursive: true });
    for (const old of readdirSync(opts.cacheDir)) rmSync(path.join(opts.cacheDir, old), { force: true });
    writeFileSync(cached, source);
  }
  const fileName = `assets/inter-landing-${createHash("sha256").update(source).digest("hex").slice(0, 8)}.woff2`;
  // Same style and weight range as fontsource's faces, so this (declared later) wins for its characters; the
  // file itself spans 400–800, every weight the page uses.
  const css = `@font-face{font-family:"Inter Variable";font-style:normal;font-weight:100 900;font-display:optional;src:url(/${fileName}) format("woff2-variations");unicode-range:${unicodeRange(codePoints)}}`;
  return { fileName, source, css };
}
