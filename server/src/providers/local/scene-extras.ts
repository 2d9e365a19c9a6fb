/** More scene parts: city skyline, water with reflections, abstract ribbons, vignette. */
import { type Hsl, hslHex, mixHsl } from "./color";
import type { Palette } from "./plan";
import type { Rng } from "./rng";
import type { Layout } from "./scene-parts";
import { type SvgDoc, num } from "./svg";

/** Blocky skyline on the horizon; lit windows at night. */
export function drawCity(doc: SvgDoc, p: Palette, rng: Rng, layout: Layout, night: boolean, detail: number): void {
  const body = hslHex({ h: p.ground.h, s: p.ground.s * 0.6, l: Math.max(0.04, p.ground.l * 0.8) });
  const blocks: string[] = [];
  const windows: string[] = [];
  const windowBudget = Math.round(120 + 260 * detail);
  let x = -rng.range(0, 0.03) * doc.w;
  while (x < doc.w) {
    const bw = layout.unit * rng.range(0.04, 0.1);
    const bh = layout.unit * rng.range(0.08, 0.38) * (rng.chance(0.15) ? 1.5 : 1);
    const top = layout.horizon - bh;
    blocks.push(`<rect x="${num(x)}" y="${num(top)}" width="${num(bw + 0.5)}" height="${num(doc.h - top)}"/>`);
    if (windows.length < windowBudget) addWindows(windows, rng, { x, top, bw, bh }, layout.unit, night ? 0.45 : 0.12);
    x += bw + layout.unit * rng.range(0, 0.012);
  }
  doc.add(`<g fill="${body}">${blocks.join("")}</g>`);
  const lit = night
    ? hslHex({ h: rng.pick(p.accents).h, s: 0.8, l: 0.72 })
    : hslHex({ h: p.skyHorizon.h, s: 0.3, l: 0.75 });
  doc.add(`<g fill="${lit}" fill-opacity="${night ? 0.85 : 0.35}">${windows.join("")}</g>`);
}

function addWindows(
  out: string[],
  rng: Rng,
  b: { x: number; top: number; bw: number; bh: number },
  unit: number,
  p: number,
) {
  const size = unit * 0.008;
  const cols = Math.max(1, Math.floor(b.bw / (size * 2.4)));
  const rows = Math.max(1, Math.floor(b.bh / (size * 2.6)));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (!rng.chance(p)) continue;
      const wx = b.x + size * 0.8 + c * size * 2.4;
      const wy = b.top + size * 1.2 + r * size * 2.6;
      out.push(`<rect x="${num(wx)}" y="${num(wy)}" width="${num(size)}" height="${num(size * 1.3)}"/>`);
    }
  }
}

/** Water from the horizon down: mirrored sky gradient, a sun glitter column and wave strokes. */
export function drawWater(
  doc: SvgDoc,
  p: Palette,
  rng: Rng,
  layout: Layout,
  sun: { x: number; r: number } | undefined,
  detail: number,
) {
  const fill = doc.linearFill([
    [0, mixHsl(p.skyHorizon, p.water, 0.3)],
    [1, shadeL(p.water, -0.22)],
  ]);
  doc.add(
    `<rect y="${num(layout.horizon)}" width="${num(doc.w)}" height="${num(doc.h - layout.horizon)}" fill="${fill}"/>`,
  );
  if (sun) {
    const depth = doc.h - layout.horizon;
    const glitter = doc.softFill(p.sun, 0.6, 0.7);
    doc.add(
      `<ellipse cx="${num(sun.x)}" cy="${num(layout.horizon)}" rx="${num(sun.r * 2)}" ry="${num(depth * 0.8)}" fill="${glitter}"/>`,
    );
  }
  const strokes: string[] = [];
  const count = Math.round(25 + 60 * detail);
  for (let i = 0; i < count; i++) {
    const t = Math.pow(rng.next(), 1.6);
    const y = layout.horizon + (doc.h - layout.horizon) * t;
    const len = layout.unit * (0.02 + 0.18 * t) * rng.range(0.5, 1.5);
    const x = rng.range(-0.05, 1) * doc.w;
    const sag = len * 0.04;
    strokes.push(`<path d="M ${num(x)} ${num(y)} Q ${num(x + len / 2)} ${num(y - sag)} ${num(x + len)} ${num(y)}"/>`);
  }
  const stroke = hslHex(shadeL(p.skyHorizon, 0.12));
  const width = layout.unit * 0.0025;
  doc.add(
    `<g fill="none" stroke="${stroke}" stroke-opacity="0.45" stroke-width="${num(Math.max(width, 0.8))}" stroke-linecap="round">${strokes.join("")}</g>`,
  );
}

/** Flowing translucent bands for abstract scenes. */
export function drawRibbons(doc: SvgDoc, p: Palette, rng: Rng, count: number): void {
  for (let i = 0; i < count; i++) {
    const y0 = rng.range(0.1, 0.9) * doc.h;
    const thick = rng.range(0.05, 0.18) * doc.h;
    const c1 = [rng.range(0.2, 0.45) * doc.w, y0 + rng.range(-0.35, 0.35) * doc.h];
    const c2 = [rng.range(0.55, 0.8) * doc.w, y0 + rng.range(-0.35, 0.35) * doc.h];
    const y1 = y0 + rng.range(-0.25, 0.25) * doc.h;
    const top = `M ${num(-10)} ${num(y0)} C ${num(c1[0]!)} ${num(c1[1]!)} ${num(c2[0]!)} ${num(c2[1]!)} ${num(doc.w + 10)} ${num(y1)}`;
    const bottom = `L ${num(doc.w + 10)} ${num(y1 + thick)} C ${num(c2[0]!)} ${num(c2[1]! + thick * 1.6)} ${num(c1[0]!)} ${num(c1[1]! + thick * 0.6)} ${num(-10)} ${num(y0 + thick)} Z`;
    const [a, b] = [rng.pick(p.accents), rng.pick(p.accents)];
    const fill = doc.linearFill(
      [
        [0, a, 0.1],
        [0.5, mixHsl(a, b, 0.5), rng.range(0.35, 0.6)],
        [1, b, 0.15],
      ],
      { x1: 0, y1: 0, x2: 1, y2: 0 },
    );
    doc.add(`<path d="${top} ${bottom}" fill="${fill}"/>`);
  }
}

export function drawVignette(doc: SvgDoc, strength: number): void {
  const black: Hsl = { h: 0, s: 0, l: 0 };
  const fill = doc.radialFill(
    [
      [0.55, black, 0],
      [1, black, strength],
    ],
    0.75,
  );
  doc.add(`<rect width="${num(doc.w)}" height="${num(doc.h)}" fill="${fill}"/>`);
}

const shadeL = (c: Hsl, dl: number): Hsl => ({ ...c, l: Math.min(0.97, Math.max(0.02, c.l + dl)) });
