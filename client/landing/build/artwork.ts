/**
 * Build-time artwork for the landing page, drawn by the local sketch engine (not AI) and encoded to AVIF and
 * WebP at two widths. Results are cached in node_modules/.cache keyed by the engine's source, so a rebuild
 * only re-encodes when a prompt or the engine changes.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import type { ImageSource, ResponsiveImage } from "../types";

export interface ArtworkSpec {
  /** File-name stem: assets/landing-<name>-<hash>.<ext>. */
  name: string;
  prompt: string;
  seed: number;
  width: number;
  height: number;
  alt: string;
}

export interface RawImage {
  data: Buffer;
  width: number;
  height: number;
}

export type SketchRenderer = (params: {
  prompt: string;
  seed: number;
  width: number;
  height: number;
}) => Promise<RawImage>;

export interface EmittedFile {
  fileName: string;
  source: Uint8Array;
}

/** Widths every artwork is encoded at (1× and 2× of the largest slot it fills). */
const WIDTHS = [384, 768] as const;
// AVIF effort 2 is ~8× faster than the default 4 for ~15 % more bytes: these are small pictures and builds stay quick.
const ENCODER = { avif: { quality: 50, effort: 2 }, webp: { quality: 76, effort: 4 } } as const;

const hash = (...parts: (string | Uint8Array)[]) => {
  const h = createHash("sha256");
  for (const p of parts) h.update(p);
  return h.digest("hex");
};

/** A digest of the engine's source files: any change to how it draws invalidates the cache. */
export function engineDigest(engineDir: string): string {
  const files = readdirSync(engineDir)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .sort();
  return hash(...files.flatMap((f) => [f, readFileSync(path.join(engineDir, f))]));
}

async function encodeAll(raw: RawImage) {
  const input = sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: 4 } });
  const out: { format: "avif" | "webp"; width: number; height: number; data: Buffer }[] = [];
  for (const width of WIDTHS) {
    const height = Math.round((raw.height * width) / raw.width);
    const resized = input.clone().resize(width, height, { kernel: "lanczos3" }).removeAlpha();
    out.push({ format: "avif", width, height, data: await resized.clone().avif(ENCODER.avif).toBuffer() });
    out.push({ format: "webp", width, height, data: await resized.clone().webp(ENCODER.webp).toBuffer() });
  }
  return out;
}

/** Draws (or reads from cache) every spec; returns the <picture> data and the files to emit under assets/. */
export async function buildArtwork(
  specs: ArtworkSpec[],
  render: SketchRenderer,
  opts: { cacheDir: string; engineDigest: string },
) {
  const files: EmittedFile[] = [];
  const images = new Map<string, ResponsiveImage>();
  const used = new Set<string>();
  await Promise.all(
    specs.map(async (spec) => {
      const key = hash(
        opts.engineDigest,
        JSON.stringify([spec.prompt, spec.seed, spec.width, spec.height, WIDTHS, ENCODER]),
      ).slice(0, 24);
      used.add(key);
      const dir = path.join(opts.cacheDir, key);
      const manifest = path.join(dir, "manifest.json");
      let encoded: { format: "avif" | "webp"; width: number; height: number; file: string }[];
      if (existsSync(manifest)) {
        encoded = JSON.parse(readFileSync(manifest, "utf8"));
      } else {
        const raw = await render({ prompt: spec.prompt, seed: spec.seed, width: spec.width, height: spec.height });
        const out = await encodeAll(raw);
        mkdirSync(dir, { recursive: true });
        encoded = out.map((o) => {
          const file = `${o.width}.${o.format}`;
          writeFileSync(path.join(dir, file), o.data);
          return { format: o.format, width: o.width, height: o.height, file };
        });
        writeFileSync(manifest, JSON.stringify(encoded));
      }
      const sources = { avif: [] as ImageSource[], webp: [] as ImageSource[] };
      for (const e of encoded) {
        const data = readFileSync(path.join(dir, e.file));
        const fileName = `assets/landing-${spec.name}-${e.width}w-${hash(data).slice(0, 8)}.${e.format}`;
        files.push({ fileName, source: data });
        sources[e.format].push({ url: `/${fileName}`, width: e.width, height: e.height });
      }
      const fallback = sources.webp[0]!;
      images.set(spec.name, { ...sources, fallback, width: fallback.width, height: fallback.height, alt: spec.alt });
    }),
  );
  // Drop cache entries this build did not use (old prompts, older engine versions).
  if (existsSync(opts.cacheDir))
    for (const entry of readdirSync(opts.cacheDir))
      if (!used.has(entry)) rmSync(path.join(opts.cacheDir, entry), { recursive: true, force: true });
  return { files, images };
}
