/** What the local sketch engine draws for the landing page at build time. */
import type { ArtworkSpec } from "./artwork";

/**
 * Alt text names the prompt and seed rather than describing the picture: the engine's drawings follow the prompt's
 * cues, and a description written by hand would drift whenever the engine changes how it draws.
 */
const alt = (prompt: string, seed: number) => `Sketch-engine drawing (not AI) of “${prompt}”, seed ${seed}`;

/** The hero's studio mock-up shows four seeds of one prompt, as the studio's variation grid does. */
export const HERO_PROMPT = "mountain lake at sunset, violet and pink sky";

export const HERO_ART: ArtworkSpec[] = [11, 27, 42, 73].map((seed, i) => ({
  name: `hero-${i + 1}`,
  prompt: HERO_PROMPT,
  seed,
  width: 768,
  height: 768,
  alt: alt(HERO_PROMPT, seed),
}));

const art = (name: string, prompt: string, seed: number, [w, h]: [number, number]): ArtworkSpec => ({
  name,
  prompt,
  seed,
  width: 768,
  height: Math.round((768 * h) / w / 8) * 8,
  alt: alt(prompt, seed),
});

/** The example gallery's fallback artwork (until people share public images). Mixed shapes, as a real gallery has. */
export const GALLERY_ART: ArtworkSpec[] = [
  art("neon-city", "neon city skyline at night", 7, [4, 3]),
  art("misty-forest", "misty pine forest in the mountains at dawn", 19, [3, 4]),
  art("starry-lake", "starry night over a calm lake", 5, [1, 1]),
  art("dunes", "desert dunes at golden hour", 31, [3, 2]),
  art("swirl", "abstract violet and pink swirl, gradient", 8, [3, 4]),
  art("winter", "snowy winter valley, pastel", 64, [4, 3]),
  art("pixel-beach", "pixel art ocean beach at sunset", 3, [1, 1]),
  art("nebula", "cosmic nebula, teal and magenta", 21, [3, 4]),
];
