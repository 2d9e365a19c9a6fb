/**
 * Appearance preferences applied to the whole app, remembered on this device (localStorage) and mirrored in the
 * user's settings by Settings → Preferences: theme, a custom accent colour (its text roles adjusted so contrast
 * stays WCAG AA), high contrast, reduced motion (on top of the OS preference) and the gallery's tile size.
 */
export type ThemePreference = "light" | "dark" | "auto";
export type MotionPreference = "system" | "reduce";
export type TileSize = "small" | "medium" | "large";
const KEY = "theme";
const ACCENT_KEY = "theme-accent";
const CONTRAST_KEY = "theme-high-contrast";
const MOTION_KEY = "theme-motion";
const TILE_KEY = "gallery-tile-size";
export const DEFAULT_ACCENT = "#8b5cf6";

const store = () => (typeof localStorage === "undefined" ? null : localStorage);

export function getThemePreference(): ThemePreference {
  const v = store()?.getItem(KEY) ?? null;
  return v === "light" || v === "dark" ? v : "auto";
}

export const getAccent = (): string | null => {
  const v = store()?.getItem(ACCENT_KEY) ?? null;
  return v && /^#[0-9a-f]{6}$/i.test(v) ? v.toLowerCase() : null;
};
export const getHighContrast = () => store()?.getItem(CONTRAST_KEY) === "1";
export const getMotion = (): MotionPreference => (store()?.getItem(MOTION_KEY) === "reduce" ? "reduce" : "system");
export const getTileSize = (): TileSize => {
  const v = store()?.getItem(TILE_KEY);
  return v === "small" || v === "large" ? v : "medium";
};
/** The gallery's smallest tile width for a size (wide screens, narrow screens). */
export const tileMinWidth = (wide: boolean, size: TileSize = getTileSize()) =>
  ({ small: wide ? 150 : 110, medium: wide ? 200 : 140, large: wide ? 280 : 180 })[size];

// ——— colour maths (WCAG 2.1 relative luminance) ———
type RGB = [number, number, number];
const hexToRgb = (hex: string): RGB => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as RGB;
const rgbToHex = (c: RGB) => `#${c.map((v) => Math.round(Math.min(255, Math.max(0, v))).toString(16).padStart(2, "0")).join("")}`;
const lin = (v: number) => {
  const s = v / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};
const luminance = ([r, g, b]: RGB) => 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(hexToRgb(a)), luminance(hexToRgb(b))].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}
const mix = (c: RGB, to: RGB, t: number): RGB => [c[0] + (to[0] - c[0]) * t, c[1] + (to[1] - c[1]) * t, c[2] + (to[2] - c[2]) * t];

/** The colour moved towards black or white in small steps until it reaches `ratio` against every backdrop. */
export function adjustFor(hex: string, backdrops: string[], ratio: number, towards: "black" | "white"): string {
  const target: RGB = towards === "black" ? [0, 0, 0] : [255, 255, 255];
  const base = hexToRgb(hex);
  for (let t = 0; t <= 1.0001; t += 0.02) {
    const c = rgbToHex(mix(base, target, t));
    if (backdrops.every((b) => contrast(c, b) >= ratio)) return c;
  }
  return towards === "black" ? "#000000" : "#ffffff";
}

const LIGHT_BG = ["#ffffff", "#f9fafb", "#f3f4f6"];
const DARK_BG = ["#0f172a", "#1e293b", "#273449"];

/** The primary colour's roles for a custom accent: every text role ≥ 4.5:1, controls and focus ≥ 3:1. */
export function accentTokens(hex: string, dark: boolean): Record<string, string> {
  const bgs = dark ? DARK_BG : LIGHT_BG;
  const solid = adjustFor(hex, ["#ffffff"], 4.5, "black");
  return {
    "--primary": adjustFor(hex, bgs, 3, dark ? "white" : "black"),
    "--primary-solid": solid,
    "--primary-foreground": "#ffffff",
    "--primary-strong": adjustFor(hex, bgs.map((b) => rgbToHex(mix(hexToRgb(b), hexToRgb(hex), 0.2))).concat(bgs), 4.5, dark ? "white" : "black"),
    "--ring": adjustFor(hex, bgs, 3, dark ? "white" : "black"),
  };
}

/** High contrast: body text and secondary text at full strength, lines and control borders clearly visible. */
const HIGH_CONTRAST: Record<"light" | "dark", Record<string, string>> = {
  light: { "--muted-foreground": "#1f2937", "--border": "#6b7280", "--input": "#374151", "--foreground": "#000000" },
  dark: { "--muted-foreground": "#e5e7eb", "--border": "#94a3b8", "--input": "#cbd5e1", "--foreground": "#ffffff" },
};
const OWNED = ["--primary", "--primary-solid", "--primary-foreground", "--primary-strong", "--ring", ...Object.keys(HIGH_CONTRAST.light)];

const REDUCED_MOTION_CSS = `html[data-reduced-motion] *, html[data-reduced-motion] ::before, html[data-reduced-motion] ::after {
  animation-duration: 0.01ms !important; animation-iteration-count: 1 !important; transition-duration: 0.01ms !important; scroll-behavior: auto !important; }
html[data-reduced-motion] [data-slot="spinner"] { animation-duration: 1.5s !important; animation-iteration-count: infinite !important; }
html[data-reduced-motion] { scroll-behavior: auto !important; }`;

function ensureMotionStyle() {
  if (document.getElementById("reduced-motion-style")) return;
  const style = document.createElement("style");
  style.id = "reduced-motion-style";
  style.textContent = REDUCED_MOTION_CSS;
  document.head.append(style);
}

/** Whether motion should be reduced: the user's choice here, or the OS setting. */
export const prefersReducedMotion = () =>
  getMotion() === "reduce" || (typeof window !== "undefined" && window.matchMedia("(prefers-reduced-motion: reduce)").matches);

export function applyTheme(pref: ThemePreference = getThemePreference()) {
  const dark = pref === "dark" || (pref === "auto" && window.matchMedia("(prefers-color-scheme: dark)").matches);
  const el = document.documentElement;
  el.classList.toggle("dark", dark);
  el.style.colorScheme = dark ? "dark" : "light";
  for (const k of OWNED) el.style.removeProperty(k);
  const accent = getAccent();
  if (accent && accent !== DEFAULT_ACCENT) for (const [k, v] of Object.entries(accentTokens(accent, dark))) el.style.setProperty(k, v);
  const hc = getHighContrast();
  el.toggleAttribute("data-high-contrast", hc);
  if (hc) for (const [k, v] of Object.entries(HIGH_CONTRAST[dark ? "dark" : "light"])) el.style.setProperty(k, v);
  const reduce = getMotion() === "reduce";
  if (reduce) ensureMotionStyle();
  el.toggleAttribute("data-reduced-motion", reduce);
  document.querySelectorAll('meta[name="theme-color"]').forEach((m) => m.setAttribute("content", dark ? "#0F172A" : "#FFFFFF"));
}

export function setThemePreference(pref: ThemePreference) {
  store()?.setItem(KEY, pref);
  applyTheme(pref);
  window.dispatchEvent(new Event("theme-change"));
}

export interface Appearance {
  theme?: ThemePreference;
  accent?: string | null;
  highContrast?: boolean;
  motion?: MotionPreference;
  tileSize?: TileSize;
}

/** Saves any of the appearance preferences on this device and applies them at once. */
export function setAppearance(a: Appearance) {
  const s = store();
  if (!s) return;
  if (a.theme) s.setItem(KEY, a.theme);
  if (a.accent !== undefined) {
    if (a.accent && /^#[0-9a-f]{6}$/i.test(a.accent)) s.setItem(ACCENT_KEY, a.accent.toLowerCase());
    else s.removeItem(ACCENT_KEY);
  }
  if (a.highContrast !== undefined) s.setItem(CONTRAST_KEY, a.highContrast ? "1" : "0");
  if (a.motion) s.setItem(MOTION_KEY, a.motion);
  if (a.tileSize) s.setItem(TILE_KEY, a.tileSize);
  applyTheme();
  window.dispatchEvent(new Event("theme-change"));
}

export function getAppearance(): Required<Appearance> {
  return { theme: getThemePreference(), accent: getAccent(), highContrast: getHighContrast(), motion: getMotion(), tileSize: getTileSize() };
}

/** Keep "auto" in step with the OS. */
export function watchSystemTheme() {
  const mq = window.matchMedia("(prefers-color-scheme: dark)");
  const onChange = () => getThemePreference() === "auto" && applyTheme("auto");
  mq.addEventListener("change", onChange);
  return () => mq.removeEventListener("change", onChange);
}
