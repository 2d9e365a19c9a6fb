import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpInContext } from "./auth-helpers";
import { animationsSettled, axeViolations, launch, newContext, watchErrors } from "./browser";
import { generateImage } from "./image-helpers";

/**
 * Power-user paths, on a laptop and a phone in dark mode: the command palette (Ctrl+K) navigates, "?" lists the
 * shortcuts, "g" then a letter goes to a page (and never while typing), a settings round trip changes the studio's
 * default model and the theme, and search suggests as you type and opens a results page. Axe clean throughout.
 */

const PROMPT = "power: a lighthouse over a violet sea";

async function axeClean(page: Page, where: string) {
  await animationsSettled(page);
  let found = await axeViolations(page);
  for (let i = 0; i < 3 && found.length; i++) {
    await animationsSettled(page);
    found = await axeViolations(page);
  }
  expect(found.map((f) => `${where}: ${f}`)).toEqual([]);
}

describe("command palette, shortcuts, settings and search", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ] as const) {
    const phone = width < 768;
    it(`works from the keyboard at ${width}px in dark mode`, async () => {
      const context = await newContext(browser, { width, height, colorScheme: "dark", hasTouch: phone });
      await signUpInContext(context, "Power User");
      await generateImage(context.request, PROMPT, { numImages: 1 });
      const project = await context.request.post("/api/projects", { data: { name: "Lighthouse notes" } });
      expect(project.status()).toBeLessThan(300);
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      const errors = watchErrors(page);

      // The palette's and the help's code loads on first use, not with the page (the shortcuts stay eager).
      const fetched: string[] = [];
      page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
      const loaded = (chunk: string) => fetched.some((p) => p.startsWith(`/assets/${chunk}-`));

      // Palette: Ctrl+K opens it (the first press, its code not yet loaded), typing filters, Enter navigates.
      await page.goto("/dashboard");
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      expect([loaded("command-palette"), loaded("help-overlay")]).toEqual([false, false]);
      await page.keyboard.press("Control+k");
      const palette = page.getByRole("dialog", { name: "Command palette" });
      await palette.waitFor();
      expect(loaded("command-palette")).toBe(true);
      await axeClean(page, "palette");
      await page.keyboard.type("Collections");
      await page.keyboard.press("Enter");
      await expect.poll(() => new URL(page.url()).pathname, { timeout: 10_000 }).toBe("/collections");
      await expect.poll(() => palette.count(), { timeout: 10_000 }).toBe(0);

      // The palette searches too: a project by name.
      await page.keyboard.press("Control+k");
      await palette.waitFor();
      await page.keyboard.type("Lighthouse notes");
      const hit = palette.getByRole("option", { name: /Lighthouse notes/ });
      await hit.waitFor({ timeout: 30_000 });
      await hit.click();
      await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/projects\/[0-9a-f-]{36}$/);

      // "?" shows every shortcut; Escape closes it.
      await page.locator("main").click({ position: { x: 5, y: 5 } });
      expect(loaded("help-overlay")).toBe(false);
      await page.keyboard.press("Shift+?");
      const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
      await help.waitFor();
      expect(await help.getByText("Open the command palette").isVisible()).toBe(true);
      await axeClean(page, "help");
      await page.keyboard.press("Escape");
      await expect.poll(() => help.count(), { timeout: 10_000 }).toBe(0);

      // "g" then "i" goes to the gallery; the same keys typed in a field do nothing.
      await page.keyboard.press("g");
      await page.keyboard.press("i");
      await expect.poll(() => new URL(page.url()).pathname).toBe("/gallery");
      await page.getByRole("searchbox").first().waitFor();
      await page.getByRole("searchbox").first().click();
      await page.keyboard.type("gp");
      expect(new URL(page.url()).pathname).toBe("/gallery");

      // Settings round trip: the studio starts from the default model chosen in Settings → Models.
      await page.goto("/settings?tab=models");
      const modelSelect = page.getByLabel("Model", { exact: true });
      await modelSelect.waitFor();
      await modelSelect.selectOption({ label: "Local sketch (fast)" });
      await page.getByRole("button", { name: "Save defaults" }).click();
      await page.getByText("Defaults saved").first().waitFor();
      await axeClean(page, "settings: models");
      await page.goto("/studio");
      // On a phone the studio's controls live in a bottom sheet.
      const controls = phone ? page.getByRole("dialog", { name: "Generation settings" }) : page;
      if (phone) await page.getByRole("button", { name: "Open settings" }).click();
      await expect.poll(() => controls.getByRole("combobox", { name: "Model" }).textContent(), { timeout: 15_000 }).toContain("Local sketch (fast)");
      if (phone) await page.keyboard.press("Escape");

      // … and the theme chosen in Settings → Preferences applies at once, survives a reload and is saved.
      await page.goto("/settings?tab=preferences");
      await page.getByRole("radio", { name: /Light/ }).click();
      await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(false);
      await axeClean(page, "settings: preferences (light)");
      await page.getByRole("radio", { name: /Dark/ }).click();
      await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(true);
      await expect.poll(async () => ((await (await context.request.get("/api/settings")).json()) as { theme: string }).theme).toBe("dark");
      await page.reload();
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(true);
      await axeClean(page, "settings: preferences");
      await page.goto("/settings?tab=privacy");
      await page.getByRole("region", { name: "Your data" }).waitFor();
      await axeClean(page, "settings: privacy");

      // Search: suggestions as you type (desktop top bar), then the results page with tabs.
      if (!phone) {
        await page.goto("/dashboard");
        const box = page.getByRole("combobox", { name: "Search images, prompts and projects" });
        await box.click();
        await box.fill("lighthouse");
        const suggestion = page.getByRole("option", { name: /power: a lighthouse/ });
        await suggestion.waitFor();
        await axeClean(page, "search suggestions");
        await box.press("Enter");
      } else {
        await page.goto("/dashboard");
        await page.getByRole("link", { name: "Search" }).first().click();
        await expect.poll(() => new URL(page.url()).pathname).toBe("/search");
        await page.getByRole("searchbox", { name: "Search" }).fill("lighthouse");
        await page.getByRole("button", { name: "Search", exact: true }).click();
      }
      await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe("lighthouse");
      await page.getByRole("heading", { name: "Results for “lighthouse”" }).waitFor();
      await page.getByRole("tab", { name: /Images/ }).waitFor();
      await page.getByRole("list", { name: "Matching images" }).getByRole("link").first().waitFor();
      await page.getByRole("tab", { name: /Projects/ }).click();
      await page.getByRole("tabpanel").getByRole("link", { name: /Lighthouse notes/ }).waitFor();
      await axeClean(page, "search results");

      expect(errors).toEqual([]);
      await context.close();
    }, 240_000);
  }
});
