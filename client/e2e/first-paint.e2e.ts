import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpInContext } from "./auth-helpers";
import { axeViolations, baseURL, launch, newContext, visitorIp, watchErrors } from "./browser";

/**
 * The app shell's theme is applied by the inline script in app.html, before the stylesheet or any module runs —
 * under the server's real CSP (the script is allowed by its hash). With the app's code held back, what the page
 * shows is what the inline script did alone: a wrong hash, or a broken script, leaves a dark-mode visitor on a
 * light page until React starts (a flash of the wrong theme).
 */
describe("app shell: theme before the app's code runs", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser.close());

  for (const [scheme, saved, dark] of [
    ["dark", null, true],
    ["light", null, false],
    ["light", "dark", true],
    ["dark", "light", false],
  ] as const) {
    it(`OS ${scheme}, saved ${saved ?? "nothing"}: ${dark ? "dark" : "light"} with no module loaded and no CSP report`, async () => {
      const context = await newContext(browser, { colorScheme: scheme });
      if (saved) await context.addInitScript((theme) => localStorage.setItem("theme", theme), saved);
      const page = await context.newPage();
      const refused: string[] = [];
      page.on("console", (msg) => /Content Security Policy/i.test(msg.text()) && refused.push(msg.text()));
      // Only the document and the stylesheet: no module script, so nothing but app.html's inline script can act.
      await page.route(/\/assets\/.*\.js$/, (route) => route.abort());
      const res = await page.goto("/sign-in", { waitUntil: "load" });
      expect(res?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'sha256-/);
      // Nothing rendered by the app: #root holds the server's prerendered markup only.
      expect(
        await page.evaluate(() =>
          [...document.getElementById("root")!.children].map((el) => el.hasAttribute("data-prerender")),
        ),
      ).toEqual([true]);
      expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(dark);
      expect(await page.evaluate(() => document.documentElement.style.colorScheme)).toBe(dark ? "dark" : "light");
      expect(refused).toEqual([]);
      await context.close();
    });
  }
});

/**
 * /sign-in is prerendered (the build renders it per language and auth config; the server picks the visitor's
 * Accept-Language): its first screen paints from the HTML and the stylesheet, before any module. app.html's inline
 * script keeps it only when the app will show the same thing — else the page stays blank until the app renders, as
 * before, instead of flashing another language or a form the app will leave.
 */
describe("app shell: the prerendered sign-in page", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser.close());

  const visit = async (opts: {
    locale: string;
    storage?: Record<string, string>;
    blockModules: boolean;
    colorScheme?: "light" | "dark";
  }) => {
    const context = await browser.newContext({
      baseURL: baseURL(),
      viewport: { width: 390, height: 844 },
      locale: opts.locale,
      colorScheme: opts.colorScheme ?? "light",
      extraHTTPHeaders: { "x-forwarded-for": visitorIp() },
    });
    if (opts.storage)
      await context.addInitScript(
        (items) => Object.entries(items).forEach(([k, v]) => localStorage.setItem(k, v)),
        opts.storage,
      );
    const page = await context.newPage();
    const errors = watchErrors(page);
    if (opts.blockModules) await page.route(/\/assets\/.*\.js$/, (route) => route.abort());
    await page.goto("/sign-in", { waitUntil: "load" });
    return { context, page, errors };
  };
  const heading = (page: Page) => page.locator("#root > [data-prerender] h1");

  for (const [locale, lang, title] of [
    ["en-US", "en", "Sign in"],
    ["de-DE", "de", "Anmelden"],
    ["es-ES", "es", "Iniciar sesión"],
  ] as const) {
    it(`${locale}: the page in ${lang} with no module loaded`, async () => {
      const { context, page } = await visit({ locale, blockModules: true });
      await expect.poll(() => heading(page).isVisible()).toBe(true);
      expect(await heading(page).textContent()).toBe(title);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      expect(await page.title()).toContain(title);
      await context.close();
    });
  }

  for (const [why, storage] of [
    ["this device chose another language", { "image-studio:language": "de" }],
    ["a session is known (the page would send the visitor on)", { "image-studio:last-session": "{}" }],
  ] as const) {
    it(`hidden when ${why}`, async () => {
      const { context, page } = await visit({ locale: "en-US", storage, blockModules: true });
      expect(await page.locator("#root > [data-prerender]").count()).toBe(1);
      expect(await heading(page).isVisible()).toBe(false);
      await context.close();
    });
  }

  it("hidden without JavaScript (the app could not take over; the <noscript> note shows as before)", async () => {
    const context = await browser.newContext({
      baseURL: baseURL(),
      javaScriptEnabled: false,
      extraHTTPHeaders: { "x-forwarded-for": visitorIp() },
    });
    const page = await context.newPage();
    await page.goto("/sign-in");
    expect(await page.locator("#root > [data-prerender]").count()).toBe(1);
    expect(await heading(page).isVisible()).toBe(false);
    await context.close();
  });

  it("the app renders over it in place: same layout, the email field focused, no error", async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      const before = await visit({ locale: "en-US", blockModules: true, colorScheme });
      await before.page.waitForTimeout(600); // the card's entrance animation
      const box = async (page: Page) =>
        page.evaluate(() =>
          ["h1", "input[type=email]", "button[type=submit]"].map((sel) => {
            const r = document.querySelector(`#root ${sel}`)!.getBoundingClientRect();
            return [r.x, r.y, r.width, r.height].map(Math.round);
          }),
        );
      const prerendered = await box(before.page);
      await before.context.close();

      const after = await visit({ locale: "en-US", blockModules: false, colorScheme });
      await after.page.locator("#root > :not([data-prerender]) form").waitFor();
      expect(await after.page.locator("[data-prerender]").count()).toBe(0);
      await expect.poll(() => after.page.evaluate(() => document.activeElement?.id)).toBe("email");
      expect(await box(after.page)).toEqual(prerendered);
      expect(after.errors).toEqual([]);
      await after.context.close();
    }
  });
});

describe("app shell: the signed-in frame of /gallery", () => {
  let browser: Browser;
  /** One account's cookies, reused by every visit (a visit is a fresh device: no storage). */
  let cookies: Awaited<ReturnType<BrowserContext["cookies"]>>;
  beforeAll(async () => {
    browser = await launch();
    const context = await newContext(browser);
    await signUpInContext(context, "Frame Visitor");
    cookies = await context.cookies();
    await context.close();
  });
  afterAll(() => browser.close());

  const visit = async (opts: { width: number; signedIn?: boolean; blockModules: boolean; colorScheme?: "light" | "dark"; storage?: Record<string, string> }) => {
    const context = await newContext(browser, { width: opts.width, colorScheme: opts.colorScheme });
    if (opts.signedIn !== false) await context.addCookies(cookies);
    if (opts.storage)
      await context.addInitScript((items) => Object.entries(items).forEach(([k, v]) => localStorage.setItem(k, v)), opts.storage);
    const page = await context.newPage();
    const errors = watchErrors(page);
    if (opts.blockModules) await page.route(/\/assets\/.*\.js$/, (route) => route.abort());
    await page.goto("/gallery", { waitUntil: "load" });
    return { context, page, errors };
  };
  /** Which copy of the frame shows ("full" or "rail"; null: none), and the text of its visible heading. */
  const shown = (page: Page) =>
    page.evaluate(() => {
      const copy = [...document.querySelectorAll<HTMLElement>("#root > [data-prerender] > [data-frame]")].find(
        (el) => el.getClientRects().length > 0,
      );
      return copy ? { frame: copy.dataset.frame, heading: copy.querySelector("h1")?.textContent } : null;
    });

  it("paints the layout and the page's header with no module loaded, with the sidebar as the app will start it", async () => {
    for (const [width, storage, frame] of [
      [1280, undefined, "full"],
      [1024, undefined, "rail"],
      [1280, { "sidebar-collapsed": "1" }, "rail"],
      [1024, { "sidebar-collapsed": "0" }, "full"],
    ] as const) {
      const { context, page } = await visit({ width, storage, blockModules: true });
      expect(await shown(page), `${width}px, ${JSON.stringify(storage ?? {})}`).toEqual({ frame, heading: "My images" });
      expect(await page.title()).toContain("My images");
      await context.close();
    }
  });

  it("is not sent without a session (the plain shell sends the visitor to sign in)", async () => {
    const { context, page } = await visit({ width: 1280, signedIn: false, blockModules: true });
    expect(await page.locator("[data-prerender]").count()).toBe(0);
    await context.close();
  });

  it("the app renders the page over it in place: same header, tabs and toolbar, no error, axe clean", async () => {
    for (const [width, colorScheme] of [
      [1280, "light"],
      [390, "dark"],
    ] as const) {
      const box = (page: Page, root: string) =>
        page.evaluate(
          (root) =>
            ["h1", "nav[aria-label] a", "#gallery-search", "[role=radiogroup][aria-label=View]"].map((sel) => {
              const el = [...document.querySelectorAll(`${root} ${sel}`)].find((e) => e.getClientRects().length > 0)!;
              const r = el.getBoundingClientRect();
              return [r.x, r.y, r.width, r.height].map(Math.round);
            }),
          root,
        );
      const before = await visit({ width, colorScheme, blockModules: true });
      const framed = await box(before.page, "#root > [data-prerender]");
      await before.context.close();

      const after = await visit({ width, colorScheme, blockModules: false });
      await after.page.getByRole("heading", { name: "No images yet" }).waitFor();
      expect(await after.page.locator("[data-prerender]").count()).toBe(0);
      expect(await box(after.page, "#root")).toEqual(framed);
      expect(await axeViolations(after.page)).toEqual([]);
      expect(after.errors).toEqual([]);
      await after.context.close();
    }
  });
});
