import type { Job } from "@image-studio/shared";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpInContext } from "./auth-helpers";
import { axeViolations, launch, newContext, watchErrors } from "./browser";

/** The studio in a real browser: pick the local engine, write a prompt, generate, watch progress, see the images. */

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000, interval: 100 });

async function jobCount(context: BrowserContext): Promise<number> {
  const res = await context.request.get("/api/generate/queue?limit=200");
  return ((await res.json()) as { items: Job[] }).items.length;
}

/** Opens the model picker in `scope` and chooses "Local sketch" (not the fast variant). */
async function pickLocalEngine(page: Page, scope: Locator) {
  await scope.getByRole("combobox", { name: "Model" }).click();
  // cmdk keeps each option's search value (name + id) in data-value.
  const option = page.locator('[role="option"][data-value^="Local sketch local/sketch "]');
  await option.click();
  await poll(() => scope.getByRole("combobox", { name: "Model" }).textContent()).toContain("Local sketch engine — not AI");
}

/** Fills the form: a weighted prompt (checks the strength hint) and 50 steps, so the progress bar is visible a while. */
async function fillForm(scope: Locator) {
  await scope.getByLabel("Prompt").fill("e2e: a violet lighthouse at dusk, (stars:1.3), [fog]");
  await poll(() => scope.getByRole("list", { name: "Weighted terms" }).textContent()).toContain("stars1.3×");
  await scope.getByRole("textbox", { name: "Steps" }).fill("50");
  await scope.getByRole("textbox", { name: "Steps" }).blur();
}

async function expectProgressThenImage(page: Page) {
  const card = page.getByRole("article").first();
  await poll(() => card.getByRole("progressbar").count()).toBeGreaterThan(0);
  const image = card.getByRole("img", { name: /^Sketch from the local engine \(not AI\) 1 of 1: e2e: a violet lighthouse/ });
  await image.waitFor({ timeout: 30_000 });
  await poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await poll(() => card.getByText("Done", { exact: true }).isVisible()).toBe(true);
  expect(await card.getByRole("progressbar").count()).toBe(0);
  expect(await card.getByText("Local sketch engine — not AI").isVisible()).toBe(true);
}

describe("studio", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it("generates with the local engine on a desktop: progress, then the image, one job per double click", async () => {
    const context = await newContext(browser, { width: 1280, height: 900 });
    await signUpInContext(context, "Studio Tester");
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto("/studio");
    const controls = page.getByRole("complementary", { name: "Generation controls" });
    await controls.waitFor();
    await pickLocalEngine(page, controls);

    // An empty prompt is stopped in the browser with the message under the field.
    await controls.getByLabel("Prompt").fill("   ");
    await controls.getByRole("button", { name: /^Generate/ }).click();
    await poll(() => controls.getByText("Write a prompt first").isVisible()).toBe(true);
    expect(await jobCount(context)).toBe(0);

    await fillForm(controls);
    await poll(() => controls.getByText(/Balance/).isVisible()).toBe(true);
    // Two clicks in the same task, before React can even disable the button: still one job.
    await controls.getByRole("button", { name: /^Generate/ }).evaluate((button: HTMLButtonElement) => {
      button.click();
      button.click();
    });
    await expectProgressThenImage(page);
    expect(await jobCount(context)).toBe(1);

    // The job shows its settings; Ctrl+Enter runs it again (a second job).
    await poll(() => page.getByRole("article").first().getByText("1024×1024").isVisible()).toBe(true);
    await controls.getByLabel("Prompt").press("Control+Enter");
    await poll(() => jobCount(context)).toBe(2);
    await poll(() => page.getByRole("article").count()).toBe(2);

    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("favourites a result, saves a preset and restores settings from the history", async () => {
    const context = await newContext(browser, { width: 1280, height: 900 });
    await signUpInContext(context, "Studio Preset Tester");
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto("/studio");
    const controls = page.getByRole("complementary", { name: "Generation controls" });
    await pickLocalEngine(page, controls);
    await fillForm(controls);
    await controls.getByRole("button", { name: /^Generate/ }).click();
    await expectProgressThenImage(page);

    // Favourite: the toggle reflects the server's answer, and the image is a favourite in the API.
    const card = page.getByRole("article").first();
    await card.getByRole("img").first().hover();
    const heart = card.getByRole("button", { name: "Favourite image 1" });
    await heart.click();
    await poll(() => heart.getAttribute("aria-pressed")).toBe("true");
    const { items } = (await (await context.request.get("/api/images?favorite=true")).json()) as { items: { id: string }[] };
    expect(items).toHaveLength(1);

    // Save the settings as a named preset; it is listed afterwards.
    await controls.getByRole("button", { name: "Presets" }).click();
    await page.getByRole("button", { name: "Save current settings…" }).click();
    const dialog = page.getByRole("dialog", { name: "Save as preset" });
    await dialog.getByLabel("Name").fill("Violet lighthouse");
    await dialog.getByRole("button", { name: "Save preset" }).click();
    await poll(() => dialog.isVisible()).toBe(false);
    await controls.getByRole("button", { name: "Presets" }).click();
    await poll(() => page.getByRole("button", { name: /^Violet lighthouse/ }).isVisible()).toBe(true);
    await page.keyboard.press("Escape");

    // Change the prompt, then restore the finished generation's settings from the history.
    await controls.getByLabel("Prompt").fill("something else entirely");
    await page.getByRole("button", { name: "History" }).click();
    await page.getByRole("button", { name: /^Restore settings: e2e: a violet lighthouse/ }).click();
    await poll(() => controls.getByLabel("Prompt").inputValue()).toBe("e2e: a violet lighthouse at dusk, (stars:1.3), [fog]");
    await poll(() => controls.getByRole("textbox", { name: "Steps" }).inputValue()).toBe("50");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("keeps the controls in a bottom sheet at 390 px and generates from it", async () => {
    const context = await newContext(browser, { width: 390, height: 844, hasTouch: true });
    await signUpInContext(context, "Studio Phone Tester");
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto("/studio");
    expect(await page.getByRole("complementary", { name: "Generation controls" }).count()).toBe(0);
    await page.getByRole("button", { name: "Open settings" }).click();
    const sheet = page.getByRole("dialog", { name: "Generation settings" });
    await sheet.waitFor();
    await pickLocalEngine(page, sheet);
    await fillForm(sheet);
    // Generate sits in the sheet's sticky footer, on screen without scrolling.
    const generate = sheet.getByRole("button", { name: /^Generate/ });
    const box = (await generate.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(844);
    await generate.click();
    await poll(() => sheet.isVisible()).toBe(false);
    await expectProgressThenImage(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
