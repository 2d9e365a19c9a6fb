/** A tiny SVG writer. Only numbers and colours the engine made itself go in — never user text. */
import { type Hsl, hslHex } from "./color";

export const num = (v: number) => (Math.round(v * 10) / 10).toString();

export class SvgDoc {
  private readonly defs: string[] = [];
  private readonly body: string[] = [];
  private nextId = 0;

  constructor(
    /** viewBox size: resolution-independent units, so a scene looks the same at any pixel size. */
    readonly w: number,
    readonly h: number,
  ) {}

  add(element: string): void {
    this.body.push(element);
  }

  /** Radial gradient from `colour` at `opacity` in the centre to transparent at the edge; returns url(#id). */
  softFill(colour: Hsl, opacity: number, falloff = 1): string {
    const id = `r${this.nextId++}`;
    const hex = hslHex(colour);
    this.defs.push(
      `<radialGradient id="${id}"><stop offset="0" stop-color="${hex}" stop-opacity="${num2(opacity)}"/>` +
        `<stop offset="${num2(0.45 * falloff)}" stop-color="${hex}" stop-opacity="${num2(opacity * 0.55)}"/>` +
        `<stop offset="1" stop-color="${hex}" stop-opacity="0"/></radialGradient>`,
    );
    return `url(#${id})`;
  }

  /** Linear gradient through the given stops; vertical unless a direction is given; returns url(#id). */
  linearFill(stops: [offset: number, colour: Hsl, opacity?: number][], dir = { x1: 0, y1: 0, x2: 0, y2: 1 }): string {
    const id = `l${this.nextId++}`;
    const stopTags = stops
      .map(([o, col, op]) => `<stop offset="${num2(o)}" stop-color="${hslHex(col)}" stop-opacity="${num2(op ?? 1)}"/>`)
      .join("");
    this.defs.push(
      `<linearGradient id="${id}" x1="${num2(dir.x1)}" y1="${num2(dir.y1)}" x2="${num2(dir.x2)}" y2="${num2(dir.y2)}">${stopTags}</linearGradient>`,
    );
    return `url(#${id})`;
  }

  /** Radial gradient through the given stops, centred, radius `r` of the box; returns url(#id). */
  radialFill(stops: [offset: number, colour: Hsl, opacity: number][], r = 0.5): string {
    const id = `g${this.nextId++}`;
    const stopTags = stops
      .map(([o, col, op]) => `<stop offset="${num2(o)}" stop-color="${hslHex(col)}" stop-opacity="${num2(op)}"/>`)
      .join("");
    this.defs.push(`<radialGradient id="${id}" cx="0.5" cy="0.5" r="${num2(r)}">${stopTags}</radialGradient>`);
    return `url(#${id})`;
  }

  toString(pixelWidth: number, pixelHeight: number): string {
    return (
      `<svg xmlns="http://www.w3.org/2000/svg" width="${pixelWidth}" height="${pixelHeight}" ` +
      `viewBox="0 0 ${num(this.w)} ${num(this.h)}" preserveAspectRatio="none">` +
      `<defs>${this.defs.join("")}</defs>${this.body.join("")}</svg>`
    );
  }
}

const num2 = (v: number) => (Math.round(v * 1000) / 1000).toString();

/** A closed path through points, down to the bottom edge. */
export function silhouettePath(xs: number[], ys: number[], bottom: number): string {
  const pts = xs.map((x, i) => `${num(x)} ${num(ys[i] ?? bottom)}`).join(" L ");
  return `M ${num(xs[0] ?? 0)} ${num(bottom)} L ${pts} L ${num(xs[xs.length - 1] ?? 0)} ${num(bottom)} Z`;
}
