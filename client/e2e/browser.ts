import { randomInt } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type Browser, type BrowserContext, type CDPSession, chromium, type Page } from "playwright-core";
import { inject } from "vitest";

export const baseURL = () => inject("baseURL");

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

export interface PageOptions {
  width?: number;
  height?: number;
  colorScheme?: "light" | "dark";
  hasTouch?: boolean;
}

export async function newContext(browser: Browser, opts: PageOptions = {}): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: baseURL(),
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 },
    colorScheme: opts.colorScheme ?? "light",
    hasTouch: opts.hasTouch ?? false,
    // Each context is a different visitor behind the app's trusted proxy, as in production; otherwise every
    // browser test shares 127.0.0.1's sign-up/sign-in rate-limit bucket and later files are refused with 429.
    extraHTTPHeaders: { "x-forwarded-for": visitorIp() },
  });
}

// Each test file starts at its own random place, so files never share addresses (and per-address rate limits).
let visitor = randomInt(0, 62_000);
/** A distinct documentation-range address (TEST-NET-2) per browser context. */
export function visitorIp(): string {
  visitor += 1;
  return `198.51.${Math.floor(visitor / 250) % 250}.${(visitor % 250) + 1}`;
}

/** Collects console errors and uncaught page errors; tests assert the list stays empty. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (msg) => {
    // "Failed to load resource" names no resource: add the URL, so a failure says which request it was.
    if (msg.type() === "error") errors.push(msg.location().url ? `${msg.text()} (${msg.location().url})` : msg.text());
  });
  page.on("pageerror", (err) => errors.push(err.message));
  return errors;
}

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** Runs axe-core in the page; returns serious and critical violations. */
/** Resolves once every finite animation (entrance fades, route transitions, toasts) has ended; spinners don't count. */
export async function animationsSettled(page: Page) {
  // A change just made (a colour scheme emulated, a class toggled) may not have started its transitions yet: the
  // media query's change event and the style recalculation that starts them come with the next frames.
  await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
  await page.waitForFunction(
    () => document.getAnimations().every((a) => a.playState !== "running" || a.effect?.getComputedTiming().iterations === Infinity),
    undefined,
    { timeout: 10_000 },
  );
}

export async function axeViolations(page: Page) {
  // Colours are judged at rest: a page still fading in reads as low contrast mid-way.
  await animationsSettled(page);
  // Evaluated over the DevTools protocol: the app's CSP (script-src 'self') forbids injected <script> tags.
  await page.evaluate(axeSource);
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { resultTypes: ["violations"] });
  });
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
}

/** A one-finger swipe from (x, y) by (dx, dy), as touch events through the DevTools protocol. */
export async function swipe(cdp: CDPSession, x: number, y: number, dx: number, dy: number) {
  const steps = 8;
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x, y }] });
  for (let i = 1; i <= steps; i++) {
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x: x + (dx * i) / steps, y: y + (dy * i) / steps }] });
    await new Promise((r) => setTimeout(r, 16));
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
}
