/** Colour helpers: HSL → RGB, hex strings for SVG, hue arithmetic. */

export type Rgb = readonly [number, number, number];

export interface Hsl {
  /** Degrees, any value (wrapped). */
  h: number;
  /** 0..1 */
  s: number;
  /** 0..1 */
  l: number;
}

const clamp01 = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);

export function wrapHue(h: number): number {
  const w = h % 360;
  return w < 0 ? w + 360 : w;
}

/** Shortest angular distance between two hues, 0..180. */
export function hueDistance(a: number, b: number): number {
  const d = Math.abs(wrapHue(a) - wrapHue(b));
  return d > 180 ? 360 - d : d;
}

export function hslToRgb({ h, s, l }: Hsl): Rgb {
  const sat = clamp01(s);
  const lig = clamp01(l);
  const c = (1 - Math.abs(2 * lig - 1)) * sat;
  const hp = wrapHue(h) / 60;
  const x = c * (1 - Math.abs((hp % 2) - 1));
  const [r, g, b] =
    hp < 1 ? [c, x, 0] : hp < 2 ? [x, c, 0] : hp < 3 ? [0, c, x] : hp < 4 ? [0, x, c] : hp < 5 ? [x, 0, c] : [c, 0, x];
  const m = lig - c / 2;
  return [Math.round((r + m) * 255), Math.round((g + m) * 255), Math.round((b + m) * 255)];
}

export function rgbToHsl([r, g, b]: Rgb): Hsl {
  const rn = r / 255;
  const gn = g / 255;
  const bn = b / 255;
  const max = Math.max(rn, gn, bn);
  const min = Math.min(rn, gn, bn);
  const l = (max + min) / 2;
  const d = max - min;
  if (d === 0) return { h: 0, s: 0, l };
  const s = d / (1 - Math.abs(2 * l - 1));
  const h = max === rn ? ((gn - bn) / d) % 6 : max === gn ? (bn - rn) / d + 2 : (rn - gn) / d + 4;
  return { h: wrapHue(h * 60), s: clamp01(s), l };
}

const hex2 = (v: number) =>
  Math.max(0, Math.min(255, Math.round(v)))
    .toString(16)
    .padStart(2, "0");

export function rgbHex([r, g, b]: Rgb): string {
  return `#${hex2(r)}${hex2(g)}${hex2(b)}`;
}

export function hslHex(c: Hsl): string {
  return rgbHex(hslToRgb(c));
}

/** Linear mix of two HSL colours (hue along the short arc). */
export function mixHsl(a: Hsl, b: Hsl, t: number): Hsl {
  let dh = wrapHue(b.h) - wrapHue(a.h);
  if (dh > 180) dh -= 360;
  if (dh < -180) dh += 360;
  return { h: wrapHue(a.h + dh * t), s: a.s + (b.s - a.s) * t, l: a.l + (b.l - a.l) * t };
}
