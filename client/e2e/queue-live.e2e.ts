import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpInContext } from "./auth-helpers";
import { launch, newContext, watchErrors } from "./browser";

/**
 * The Queue page follows the user's jobs live: a job queued on another device (same user, its own cookies and
 * its own event stream) appears, runs and lands in History on a Queue page that is never reloaded.
 */

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 30_000, interval: 100 });

async function queueJob(context: BrowserContext, prompt: string): Promise<string> {
  const res = await context.request.post("/api/generate/text-to-image", {
    data: { prompt, modelId: "local/sketch", parameters: { numImages: 1, steps: 50 } },
  });
  expect(res.status(), await res.text()).toBe(202);
  return ((await res.json()) as { id: string }).id;
}

const section = (page: Page, name: string) => page.getByRole("region", { name });
const row = (page: Page, where: string, prompt: string) => section(page, where).getByRole("article", { name: prompt });

describe("live queue", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it("shows a job queued elsewhere, then moves it from In progress to History without a reload", async () => {
    const here = await newContext(browser, { width: 1280, height: 800 });
    await signUpInContext(here, "Queue Watcher");
    const elsewhere = await newContext(browser);
    await elsewhere.addCookies(await here.cookies());

    const page = await here.newPage();
    const errors = watchErrors(page);
    await page.goto("/queue");
    await page.getByText("Progress updates arrive live.").waitFor();
    // The studio in a second tab of the same browser: its history column follows too.
    const studio = await here.newPage();
    await studio.setViewportSize({ width: 1600, height: 900 });
    await studio.goto("/studio");
    await studio.getByText("Finished generations will appear here.").waitFor();
    // A mark on each document: a reload would wipe it.
    for (const p of [page, studio]) await p.evaluate(() => Object.assign(window, { queueLiveMark: true }));

    // A first job: the page lists it (from another device) and shows it finished.
    const first = "live queue: a violet kite over the dunes";
    await queueJob(elsewhere, first);
    await poll(() => row(page, "In progress", first).or(row(page, "History", first)).count()).toBe(1);
    await row(page, "History", first).getByText("Done", { exact: true }).waitFor({ timeout: 30_000 });
    expect(await row(page, "In progress", first).count()).toBe(0);

    // A second job while the lists are already on screen: it runs (progress bar), then joins History on top.
    const second = "live queue: a pink lantern in the rain";
    await queueJob(elsewhere, second);
    await row(page, "In progress", second).waitFor({ timeout: 30_000 });
    await row(page, "History", second).getByText("Done", { exact: true }).waitFor({ timeout: 30_000 });
    expect(await section(page, "In progress").getByText("Nothing is waiting or running.").isVisible()).toBe(true);
    await poll(() => section(page, "History").getByRole("article").count()).toBe(2);

    for (const prompt of [first, second]) await studio.getByRole("button", { name: `Restore settings: ${prompt}`, exact: false }).waitFor();
    for (const p of [page, studio]) expect(await p.evaluate(() => "queueLiveMark" in window)).toBe(true);
    expect(errors).toEqual([]);
    await here.close();
    await elsewhere.close();
  });
});
