/** Composes a ScenePlan into one SVG document (rendered by sharp/librsvg in text-to-image.ts). */
import type { ScenePlan } from "./plan";
import { Rng } from "./rng";
import { drawCity, drawRibbons, drawVignette, drawWater } from "./scene-extras";
import {
  type Layout,
  drawAbstractGround,
  drawBlobs,
  drawMountains,
  drawSky,
  drawStars,
  drawSun,
  drawTrees,
  ridgeLine,
} from "./scene-parts";
import { SvgDoc, silhouettePath } from "./svg";
import { mixHsl } from "./color";

function chooseHorizon(plan: ScenePlan, rng: Rng, h: number): number {
  const f = plan.features;
  const [lo, hi] = f.water ? [0.48, 0.6] : f.city ? [0.6, 0.74] : [0.55, 0.7];
  return h * rng.range(lo, hi);
}

function drawAbstract(doc: SvgDoc, plan: ScenePlan, rng: Rng, unit: number): void {
  drawAbstractGround(doc, plan.palette, rng.fork("ground"));
  if (plan.features.stars) drawStars(doc, rng.fork("stars"), Math.round(120 + 200 * plan.detail), doc.h, unit);
  drawBlobs(doc, plan.palette, rng.fork("blobs"), Math.round(6 + 10 * plan.detail), doc.h, unit * 1.3);
  drawRibbons(doc, plan.palette, rng.fork("ribbons"), Math.round(2 + 4 * plan.detail));
}

/** A low rolling foreground hill (a shore for trees, or plain ground). */
function drawForeground(doc: SvgDoc, plan: ScenePlan, rng: Rng, layout: Layout) {
  const xs = Array.from({ length: 61 }, (_, i) => (i / 60) * doc.w);
  const base = layout.horizon + (doc.h - layout.horizon) * 0.75;
  const ys = ridgeLine(rng, xs, base, layout.unit * 0.06, 0.4, doc.w);
  const fill = doc.linearFill([
    [0, plan.palette.ground],
    [1, mixHsl(plan.palette.ground, { h: 0, s: 0, l: 0 }, 0.4)],
  ]);
  doc.add(`<path d="${silhouettePath(xs, ys, doc.h)}" fill="${fill}"/>`);
  return { xs, ys };
}

function drawLandscape(doc: SvgDoc, plan: ScenePlan, rng: Rng, unit: number): void {
  const { palette: p, features: f, detail } = plan;
  const layout: Layout = { horizon: chooseHorizon(plan, rng.fork("horizon"), doc.h), unit };
  drawSky(doc, p, layout);
  if (f.stars) drawStars(doc, rng.fork("stars"), Math.round(80 + 160 * detail), layout.horizon, unit);
  drawBlobs(doc, p, rng.fork("blobs"), Math.round(3 + 5 * detail), layout.horizon * 0.9, unit);
  const sun = drawSun(doc, p, rng.fork("sun"), layout, plan.time === "golden");
  const layers = Math.min(5, 2 + Math.round(2 * detail));
  let ridge = f.mountains ? drawMountains(doc, p, rng.fork("mountains"), layout, layers, detail) : undefined;
  if (f.city) drawCity(doc, p, rng.fork("city"), layout, plan.time === "night", detail);
  if (f.water) drawWater(doc, p, rng.fork("water"), layout, sun, detail);
  if (!f.mountains && !f.city && !f.water) ridge = drawForeground(doc, plan, rng.fork("ground"), layout);
  if (f.trees) {
    const base = ridge && !f.water ? ridge : drawForeground(doc, plan, rng.fork("shore"), layout);
    drawTrees(doc, p, rng.fork("trees"), base, Math.round(20 + 50 * detail), unit);
  }
}

/** The SVG for a plan at a pixel size. Composition is resolution-independent: the viewBox has area 1000². */
export function sceneSvg(plan: ScenePlan, width: number, height: number): string {
  const g = Math.sqrt(width * height);
  const doc = new SvgDoc((1000 * width) / g, (1000 * height) / g);
  const unit = Math.min(1000, 1.6 * Math.min(doc.w, doc.h));
  const rng = new Rng(plan.drawSeed);
  if (plan.features.abstract) drawAbstract(doc, plan, rng, unit);
  else drawLandscape(doc, plan, rng, unit);
  if (!plan.effects.flat) drawVignette(doc, 0.18 + 0.12 * plan.contrast);
  return doc.toString(width, height);
}
