import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CATALOG } from "@image-studio/shared";
import { FAQ, SITE } from "../landing/content";
import { axeViolations, baseURL, launch, newContext, watchErrors } from "./browser";

const dist = fileURLToPath(new URL("../dist", import.meta.url));
const builtHtml = () => readFileSync(path.join(dist, "index.html"), "utf8");
const HERO = "Make AI images, iterate on them, and keep them everywhere";
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

/** Every script URL the page asked for (the landing must never pull in React or the app bundle). */
function watchScripts(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (r) => r.resourceType() === "script" && urls.push(new URL(r.url()).pathname));
  return urls;
}

describe("landing page: the built index.html", () => {
  it("fits the first round trip: TCP's initial window is 14.6 KB, ~0.9 KB of it response headers", () => {
    // As browsers get it: Brotli at quality 11 (server/src/lib/compressed-pages.ts; every browser the app supports
    // asks for br). A client that takes only gzip gets level 9, which may need a second round trip.
    const html = builtHtml();
    const br = brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
    expect(br.length).toBeLessThan(13_600);
    expect(gzipSync(html, { level: 9 }).length).toBeLessThan(14_600);
  });

  it("is prerendered: hero, every section and the FAQ answers are in the HTML", () => {
    const html = builtHtml();
    const body = text(html);
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(body).toContain(HERO);
    for (const id of ["features", "models", "gallery", "use-cases", "pricing", "faq"])
      expect(html).toContain(`id="${id}"`);
    for (const item of FAQ) {
      expect(body).toContain(item.question);
      expect(body).toContain(item.answer);
    }
    expect(body).toMatch(/not AI output/); // build-time artwork is labelled as the sketch engine's
  });

  it("shows every current catalog model, with prices that match the catalog", () => {
    const body = text(builtHtml());
    for (const m of CATALOG.filter((model) => !model.successor)) expect(body).toContain(m.displayName);
    const sketch = CATALOG.find((m) => m.id === "local/sketch")!;
    if (sketch.pricing.credits > 0)
      expect(body).not.toMatch(/sketch engine (is|is always) free|unlimited local sketch/i);
    const schnell = CATALOG.find((m) => m.id === "fal-ai/flux/schnell")!;
    expect(body).toContain(
      `${schnell.pricing.credits} credits / ${schnell.pricing.unit === "megapixel" ? "MP" : "image"}`,
    );
  });

  it("has SEO tags, valid JSON-LD, robots.txt and a sitemap", () => {
    const html = builtHtml();
    expect(html).toContain(`<title>${SITE.title}</title>`);
    for (const tag of [
      'name="description"',
      'rel="canonical"',
      'property="og:title"',
      'property="og:image"',
      'name="twitter:card"',
    ]) {
      expect(html).toContain(tag);
    }
    const ld = JSON.parse(html.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)![1]!);
    const app = ld["@graph"].find((n: { "@type": string }) => n["@type"] === "WebApplication");
    expect(app.name).toBe(SITE.name);
    expect(app.offers.length).toBeGreaterThan(0);
    expect(readFileSync(path.join(dist, "robots.txt"), "utf8")).toMatch(/Sitemap: https?:\/\/.+\/sitemap\.xml/);
    expect(readFileSync(path.join(dist, "sitemap.xml"), "utf8")).toContain("<loc>");
  });

  it("ships only the small enhancement script — no React, under 15 KB brotli", () => {
    const html = builtHtml();
    const scripts = [
      ...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g),
      ...html.matchAll(/<link rel="modulepreload"[^>]*href="([^"]+)"/g),
    ].map((m) => m[1]!);
    const files = scripts.map((src) => readFileSync(path.join(dist, src)));
    const brotli = files.reduce((sum, f) => sum + brotliCompressSync(f).length, 0);
    expect(brotli).toBeLessThanOrEqual(15 * 1024);
    for (const f of files) expect(f.toString()).not.toMatch(/react|__reactContainer|createRoot/i);
    // Every <img> reserves its box, offers WebP and sits in a <picture> with an AVIF source.
    const imgs = [...html.matchAll(/<img [^>]*>/g)].map((m) => m[0]);
    expect(imgs.length).toBeGreaterThanOrEqual(12);
    for (const img of imgs) {
      expect(img).toMatch(/width="\d+" height="\d+"/);
      expect(img).toMatch(/srcSet="[^"]+\.webp \d+w/i);
    }
    expect(html.match(/<source type="image\/avif" srcSet="[^"]+\.avif \d+w/gi)?.length).toBe(imgs.length);
  });
});

describe("landing page in the browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it("works with JavaScript disabled: content, menu and FAQ are there", async () => {
    const context = await browser.newContext({
      baseURL: baseURL(),
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    await page.goto("/");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(HERO);
    const question = page.getByText(FAQ[0]!.question);
    await question.click();
    await expect.poll(() => page.getByText(FAQ[0]!.answer).isVisible()).toBe(true);
    await page.locator("[data-mobile-menu] summary").click();
    await expect
      .poll(() => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Pricing" }).isVisible())
      .toBe(true);
    await context.close();
  });

  for (const colorScheme of ["light", "dark"] as const) {
    for (const width of [390, 1280]) {
      it(`renders at ${width}px in ${colorScheme} mode: no console errors, no serious axe violations`, async () => {
        const context = await newContext(browser, { width, colorScheme, height: width < 768 ? 844 : 800 });
        const page = await context.newPage();
        const errors = watchErrors(page);
        const scripts = watchScripts(page);
        await page.goto("/", { waitUntil: "networkidle" });
        expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(
          colorScheme === "dark",
        );
        expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(HERO);
        expect(await page.getByRole("link", { name: "Try the demo" }).first().getAttribute("href")).toBe("/try");
        expect(
          await page
            .getByRole("link", { name: /^Sign up/ })
            .first()
            .getAttribute("href"),
        ).toBe("/sign-up");
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        expect(await axeViolations(page)).toEqual([]);
        expect(
          scripts.every((s) => /^\/assets\/index-[\w-]+\.js$/.test(s)),
        ).toBe(true);
        expect(errors).toEqual([]);
        await context.close();
      });
    }
  }

  it("mobile menu opens, follows a link and closes; Escape closes it too", async () => {
    const context = await newContext(browser, { width: 390, height: 844 });
    const page = await context.newPage();
    await page.goto("/");
    const menu = page.locator("[data-mobile-menu]");
    await menu.locator("summary").click();
    await menu.getByRole("link", { name: "Pricing" }).click();
    await expect.poll(() => page.url()).toContain("#pricing");
    expect(await menu.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await menu.locator("summary").click();
    expect(await menu.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await page.keyboard.press("Escape");
    expect(await menu.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await context.close();
  });

  it("theme switch, model carousel and FAQ accordion are enhanced", async () => {
    const context = await newContext(browser, { width: 1280, colorScheme: "light" });
    const page = await context.newPage();
    await page.goto("/");
    await page.getByRole("button", { name: "Switch to dark theme" }).click();
    expect(
      await page.evaluate(() => [document.documentElement.classList.contains("dark"), localStorage.getItem("theme")]),
    ).toEqual([true, "dark"]);
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(true);

    const track = page.locator("[data-carousel-track]");
    const prev = page.getByRole("button", { name: "Previous models" });
    expect(await prev.getAttribute("aria-disabled")).toBe("true");
    await page.getByRole("button", { name: "Next models" }).click();
    await expect.poll(() => track.evaluate((t) => t.scrollLeft)).toBeGreaterThan(200);
    await expect.poll(() => prev.getAttribute("aria-disabled")).toBe("false");

    const items = page.locator("[data-faq] details");
    await items.nth(0).locator("summary").click();
    await items.nth(1).locator("summary").click();
    expect(await items.evaluateAll((ds) => ds.map((d) => (d as HTMLDetailsElement).open))).toEqual(
      FAQ.map((_, i) => i === 1),
    );
    await page.keyboard.press("ArrowDown");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(FAQ[2]!.question);
    await context.close();
  });
});
