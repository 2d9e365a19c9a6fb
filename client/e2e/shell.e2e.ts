import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpInContext } from "./auth-helpers";
import { axeViolations, launch, newContext, watchErrors } from "./browser";

describe("app shell", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  for (const colorScheme of ["light", "dark"] as const) {
    for (const width of [1280, 390]) {
      it(`renders at ${width}px in ${colorScheme} mode with no console errors`, async () => {
        const context = await newContext(browser, { width, colorScheme });
        await signUpInContext(context); // app pages need a session
        const page = await context.newPage();
        const errors = watchErrors(page);
        await page.goto("/dashboard");
        await expect.poll(() => page.getByRole("heading", { level: 1 }).first().textContent()).toBeTruthy();
        const isDark = await page.evaluate(() => document.documentElement.classList.contains("dark"));
        expect(isDark).toBe(colorScheme === "dark");
        if (width < 768) {
          await page.getByRole("button", { name: "Open menu" }).click();
          await expect.poll(() => page.getByRole("dialog").isVisible()).toBe(true);
          await page.getByRole("dialog").getByRole("link", { name: "Projects" }).click();
          await expect.poll(() => page.url()).toContain("/projects");
          // The sheet animates out; the page is aria-hidden until it has gone.
          await expect.poll(() => page.getByRole("dialog").count()).toBe(0);
          // Judged once loaded: a new account's projects settle on their empty state, which slides in when the list
          // arrives — after the sheet has gone on a busy machine, and then mid-animation when axe reads its colours.
          await page.getByRole("heading", { name: "No projects yet" }).waitFor();
        } else {
          await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My images" }).click();
          await expect.poll(() => page.url()).toContain("/gallery");
          // The page is judged once it has loaded: a new account's gallery settles on its empty state.
          await page.getByRole("heading", { name: "No images yet" }).waitFor();
        }
        expect(await axeViolations(page)).toEqual([]);
        expect(errors).toEqual([]);
        await context.close();
      });
    }
  }

  it("shows a designed 404 for unknown routes", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto("/no-such-page");
    await expect.poll(() => page.getByRole("heading", { name: "Page not found" }).isVisible()).toBe(true);
    await context.close();
  });
});
