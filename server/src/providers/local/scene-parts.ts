/** The drawable parts of a sketch scene. Each adds SVG to the document; sizes are fractions of the frame. */
import { type Hsl, hslHex, mixHsl } from "./color";
import type { Palette } from "./plan";
import type { Rng } from "./rng";
import { type SvgDoc, num, silhouettePath } from "./svg";

export interface Layout {
  /** y of the horizon in viewBox units. */
  horizon: number;
  /** Size unit: the geometric mean of the two sides. */
  unit: number;
}

const shade = (c: Hsl, dl: number, ds = 0): Hsl => ({
  h: c.h,
  s: Math.max(0, c.s + ds),
  l: Math.min(0.97, Math.max(0.02, c.l + dl)),
});

export function drawSky(doc: SvgDoc, p: Palette, layout: Layout): void {
  const at = Math.min(0.98, layout.horizon / doc.h);
  const fill = doc.linearFill([
    [0, p.skyTop],
    [at * 0.6, mixHsl(p.skyTop, p.skyHorizon, 0.5)],
    [at, p.skyHorizon],
    [1, shade(p.skyHorizon, -0.05)],
  ]);
  doc.add(`<rect width="${num(doc.w)}" height="${num(doc.h)}" fill="${fill}"/>`);
}

export function drawAbstractGround(doc: SvgDoc, p: Palette, rng: Rng): void {
  const [a, b] = [rng.pick(p.accents), rng.pick(p.accents)];
  const fill = doc.linearFill(
    [
      [0, p.skyTop],
      [0.5, mixHsl(a, p.skyHorizon, 0.5)],
      [1, shade(b, -0.15)],
    ],
    {
      x1: rng.next(),
      y1: 0,
      x2: rng.next(),
      y2: 1,
    },
  );
  doc.add(`<rect width="${num(doc.w)}" height="${num(doc.h)}" fill="${fill}"/>`);
}

/** Soft glowing blobs of the accent colours. */
export function drawBlobs(doc: SvgDoc, p: Palette, rng: Rng, count: number, maxY: number, size: number): void {
  for (let i = 0; i < count; i++) {
    const fill = doc.softFill(rng.pick(p.accents), rng.range(0.25, 0.6), rng.range(0.6, 1.4));
    const rx = size * rng.range(0.15, 0.45);
    const ry = rx * rng.range(0.5, 1.2);
    const [cx, cy] = [rng.range(-0.1, 1.1) * doc.w, rng.range(-0.1, 1) * maxY];
    doc.add(
      `<ellipse cx="${num(cx)}" cy="${num(cy)}" rx="${num(rx)}" ry="${num(ry)}" fill="${fill}" transform="rotate(${num(rng.range(-40, 40))} ${num(cx)} ${num(cy)})"/>`,
    );
  }
}

export function drawStars(doc: SvgDoc, rng: Rng, count: number, maxY: number, unit: number): void {
  const stars: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = unit * (rng.chance(0.08) ? rng.range(0.002, 0.004) : rng.range(0.0007, 0.0018));
    const y = maxY * Math.pow(rng.next(), 1.4);
    stars.push(
      `<circle cx="${num(rng.next() * doc.w)}" cy="${num(y)}" r="${num(Math.max(r, 0.6))}" fill-opacity="${num(rng.range(0.35, 1))}"/>`,
    );
  }
  doc.add(`<g fill="#fffdf2">${stars.join("")}</g>`);
}

/** Sun (or moon at night) with a wide glow; returns its centre for reflections. */
export function drawSun(doc: SvgDoc, p: Palette, rng: Rng, layout: Layout, low: boolean): { x: number; r: number } {
  const r = layout.unit * rng.range(0.045, 0.085);
  const x = doc.w * rng.range(0.2, 0.8);
  const y = low ? layout.horizon - layout.unit * rng.range(0.1, 0.22) : layout.horizon * rng.range(0.2, 0.55);
  const glowR = r * rng.range(4, 7);
  doc.add(`<circle cx="${num(x)}" cy="${num(y)}" r="${num(glowR)}" fill="${doc.softFill(p.sun, 0.55, 0.5)}"/>`);
  doc.add(`<circle cx="${num(x)}" cy="${num(y)}" r="${num(r)}" fill="${hslHex(shade(p.sun, 0.08))}"/>`);
  return { x, r };
}

/** y values of a mountain ridge: sharp peaks (|sin|) plus finer roughness. */
export function ridgeLine(rng: Rng, xs: number[], base: number, amp: number, rough: number, w: number): number[] {
  const waves = [
    { a: 1, f: rng.range(0.6, 1.6), ph: rng.range(0, Math.PI) },
    { a: 0.45, f: rng.range(2, 4), ph: rng.range(0, Math.PI) },
    { a: 0.15 * rough, f: rng.range(7, 13), ph: rng.range(0, Math.PI) },
    { a: 0.06 * rough, f: rng.range(19, 31), ph: rng.range(0, Math.PI) },
  ];
  const total = waves.reduce((s, wv) => s + wv.a, 0);
  return xs.map((x) => {
    const t = x / w;
    const v = waves.reduce((s, wv) => s + wv.a * (1 - Math.abs(Math.sin(Math.PI * wv.f * t + wv.ph))), 0);
    return base - amp * (v / total);
  });
}

/** Layered ridges, far (hazy, light) to near (dark). Returns the nearest ridge for trees. */
export function drawMountains(doc: SvgDoc, p: Palette, rng: Rng, layout: Layout, layers: number, detail: number) {
  const segments = Math.round(40 + 80 * detail);
  const xs = Array.from({ length: segments + 1 }, (_, i) => (i / segments) * doc.w);
  let nearest: number[] = [];
  for (let i = 0; i < layers; i++) {
    const depth = layers === 1 ? 1 : i / (layers - 1);
    const base = layout.horizon + layout.unit * 0.04 * depth * (i + 1);
    const amp = layout.unit * rng.range(0.12, 0.3) * (1 - 0.35 * depth);
    nearest = ridgeLine(rng, xs, base, amp, 0.5 + detail, doc.w);
    const colour = mixHsl(p.skyHorizon, p.ground, 0.35 + 0.65 * depth);
    const fill = doc.linearFill([
      [0, colour],
      [1, shade(colour, -0.08 * depth)],
    ]);
    doc.add(`<path d="${silhouettePath(xs, nearest, doc.h)}" fill="${fill}"/>`);
  }
  return { xs, ys: nearest };
}

/** Pines standing on a ridge line. */
export function drawTrees(
  doc: SvgDoc,
  p: Palette,
  rng: Rng,
  ridge: { xs: number[]; ys: number[] },
  count: number,
  unit: number,
) {
  const colour = hslHex(shade(p.ground, -0.06, 0.05));
  const trees: string[] = [];
  for (let i = 0; i < count; i++) {
    const k = rng.int(0, ridge.xs.length - 1);
    const [x, y] = [ridge.xs[k] ?? 0, (ridge.ys[k] ?? doc.h) + unit * rng.range(0.005, 0.06)];
    const h = unit * rng.range(0.04, 0.11);
    const w = h * rng.range(0.3, 0.45);
    trees.push(`<path d="M ${num(x)} ${num(y - h)} L ${num(x + w / 2)} ${num(y)} L ${num(x - w / 2)} ${num(y)} Z"/>`);
    trees.push(
      `<path d="M ${num(x)} ${num(y - h * 1.2)} L ${num(x + w / 3)} ${num(y - h * 0.5)} L ${num(x - w / 3)} ${num(y - h * 0.5)} Z"/>`,
    );
  }
  doc.add(`<g fill="${colour}">${trees.join("")}</g>`);
}
