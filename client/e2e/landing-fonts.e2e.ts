/**
 * The landing's first render asks for one small font file (issue #20, LCP): the first cut holds what the header,
 * the hero and the next section show; the later sections' cut (the whole page's) loads after the first paint, and
 * the app's full Inter faces never load here. See client/landing/build/font.ts.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseURL, launch, newContext } from "./browser";

const dist = fileURLToPath(new URL("../dist", import.meta.url));
const builtHtml = () => readFileSync(path.join(dist, "index.html"), "utf8");
const builtCss = (href: string) => readFileSync(path.join(dist, href), "utf8");

/** Every font file the page asked for, by path. */
function watchFonts(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (r) => r.resourceType() === "font" && urls.push(new URL(r.url()).pathname));
  return urls;
}

describe("landing fonts: the built page", () => {
  it("preloads only the first cut; the stylesheet carries none of the app's font faces", () => {
    const html = builtHtml();
    const preloads = [...html.matchAll(/<link rel="preload" as="font"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
    expect(preloads).toHaveLength(1);
    expect(preloads[0]).toMatch(/^\/assets\/inter-landing-top-\w+\.woff2$/);
    const faces = html.match(/<style>(.*?)<\/style>/s)![1]!.match(/@font-face\{[^}]*\}/g)!;
    expect(faces.map((f) => f.match(/inter-landing-(top|page)/)?.[1])).toEqual(["top", "page"]);
    expect(faces[0]).toContain("font-display:optional");
    expect(readFileSync(path.join(dist, preloads[0]!)).length).toBeLessThan(12 * 1024);

    const landingCss = builtCss(html.match(/<link rel="stylesheet"[^>]*href="\/([^"]+)"/)![1]!);
    expect(landingCss).not.toMatch(/@font-face\{font-family:"?(Inter Variable|JetBrains Mono Variable)/);
    expect(landingCss).toMatch(/@font-face\{font-family:"?Inter Fallback/);
    // The app keeps its faces: only the landing's stylesheet is trimmed.
    const appHtml = readFileSync(path.join(dist, "app.html"), "utf8");
    const appCss = [...appHtml.matchAll(/<link rel="stylesheet"[^>]*href="\/([^"]+)"/g)].map((m) => builtCss(m[1]!));
    expect(appCss.join("")).toMatch(/@font-face\{font-family:"?Inter Variable/);
  });

  it("loads the hero pictures at low priority, so they do not take bandwidth from the stylesheet and the font", () => {
    const hero = builtHtml().split('id="features"')[0]!;
    const imgs = [...hero.matchAll(/<img [^>]*>/g)].map((m) => m[0]);
    expect(imgs.length).toBe(4);
    for (const img of imgs) expect(img).toMatch(/fetchPriority="low"/i);
  });
});

describe("landing fonts in the browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it("on a phone without JavaScript, the first render needs the first cut only", async () => {
    const context = await browser.newContext({
      baseURL: baseURL(),
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    const fonts = watchFonts(page);
    await page.goto("/", { waitUntil: "load" });
    await page.waitForTimeout(500);
    expect(fonts).toHaveLength(1);
    expect(fonts[0]).toMatch(/inter-landing-top-/);
    // Scrolling down lays out the later sections, which ask for the second cut.
    await page.locator("#pricing").scrollIntoViewIfNeeded();
    await expect.poll(() => fonts.some((f) => /inter-landing-page-/.test(f))).toBe(true);
    expect(fonts.some((f) => /inter-(latin|cyrillic|greek|vietnamese)/.test(f))).toBe(false);
    await context.close();
  });

  it("with JavaScript, the second cut is there after the first paint, and no app font is fetched", async () => {
    const context = await newContext(browser, { width: 390, height: 844 });
    const page = await context.newPage();
    const fonts = watchFonts(page);
    await page.goto("/", { waitUntil: "load" });
    await expect
      .poll(() =>
        page.evaluate(() =>
          [...document.fonts].filter((f) => f.family.includes("Inter Landing")).map((f) => f.status),
        ),
      )
      .toEqual(["loaded", "loaded"]);
    expect(fonts.filter((f) => /inter-landing-/.test(f))).toHaveLength(2);
    expect(fonts.filter((f) => !/inter-landing-/.test(f))).toEqual([]);
    await context.close();
  });

  it("changes nothing in the later sections before the page has loaded and painted (that fetched their font early)", async () => {
    const context = await newContext(browser, { width: 390, height: 844 });
    // Every attribute the page's script sets inside a later section (the parser's own attributes are not mutations).
    await context.addInitScript(() => {
      const times: number[] = [];
      Object.assign(window, { __laterSectionChanges: times });
      new MutationObserver((records) => {
        for (const r of records) if ((r.target as Element).closest?.(".below-fold ~ .below-fold, footer")) times.push(performance.now());
      }).observe(document, { attributes: true, subtree: true });
    });
    const page = await context.newPage();
    await page.goto("/", { waitUntil: "load" });
    // The carousel's buttons are shown once the page has painted.
    await expect.poll(() => page.locator("[data-carousel-next]").isHidden()).toBe(false);
    const { changes, load, paint } = await page.evaluate(() => ({
      changes: (window as unknown as { __laterSectionChanges: number[] }).__laterSectionChanges,
      load: (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).loadEventStart,
      paint: performance.getEntriesByName("first-contentful-paint")[0]!.startTime,
    }));
    expect(changes.length).toBeGreaterThan(0);
    for (const at of changes) {
      expect(at).toBeGreaterThanOrEqual(load);
      expect(at).toBeGreaterThanOrEqual(paint);
    }
    await context.close();
  });
});
