import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpInContext } from "./auth-helpers";
import { axeViolations, launch, newContext, watchErrors } from "./browser";

/**
 * Batch generation from a CSV, as a user does it: paste a CSV, see the bad row named before anything runs, fix it,
 * read the counts, start it — and watch it finish live on the Queue page open in another tab (never reloaded).
 * On a laptop and on a phone, in the dark theme, with axe finding nothing serious.
 */

const BAD_CSV = "prompt,seed,steps,model\nbatch e2e: a violet kite,1,50,local/sketch\n,2,50,local/sketch\n";
const GOOD_CSV = "prompt,seed,steps,model\nbatch e2e: a violet kite,1,50,local/sketch\nbatch e2e: a pink lantern,2,50,local/sketch\nbatch e2e: a teal harbour,3,50,local/sketch\n";

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 60_000, interval: 200 });

async function noAxe(page: Page, where: string) {
  expect(await axeViolations(page), where).toEqual([]);
}

describe("batch generation", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  for (const device of [
    { name: "desktop", width: 1280, height: 800, hasTouch: false },
    { name: "phone", width: 390, height: 844, hasTouch: true },
  ]) {
    it(`composes a CSV batch and watches it complete live on the Queue page (${device.name}, dark)`, async () => {
      const context = await newContext(browser, { width: device.width, height: device.height, hasTouch: device.hasTouch, colorScheme: "dark" });
      await signUpInContext(context, "Batch Maker");
      const queue = await context.newPage();
      const queueErrors = watchErrors(queue);
      await queue.goto("/queue");
      await queue.getByRole("heading", { name: "Queue", level: 1 }).waitFor();
      await queue.evaluate(() => Object.assign(window, { batchLiveMark: true }));

      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto("/batch");
      await page.getByRole("heading", { name: "Batch generation", level: 1 }).waitFor();
      await page.getByRole("tab", { name: "CSV" }).click();
      const csv = page.getByLabel("CSV with a header row");
      await csv.fill(BAD_CSV);
      // The empty prompt in data row 2 is named before anything runs.
      const problem = page.getByTestId("batch-row-error").filter({ hasText: "Write a prompt first" });
      await problem.waitFor({ timeout: 15_000 });
      expect(await problem.locator("td").first().textContent()).toBe("2");
      expect(await page.getByRole("button", { name: /^Start/ }).isDisabled()).toBe(true);
      await noAxe(page, `/batch with row errors (${device.name})`);

      await csv.fill(GOOD_CSV);
      await poll(() => page.getByTestId("batch-row-error").count()).toBe(0);
      const counts = page.getByTestId("batch-counts");
      await poll(async () => (await counts.textContent()) ?? "").toMatch(/Jobs\s*3/);
      await page.getByRole("button", { name: "Start 3 jobs" }).click();
      await page.waitForURL(/\/batch\?id=/);
      await page.getByRole("heading", { name: "Batch", level: 1 }).waitFor();

      // The Queue tab (never reloaded) shows the batch and follows it to the end.
      const card = queue.getByTestId("batch-card");
      await card.waitFor({ timeout: 30_000 });
      await card.getByText("Done", { exact: true }).waitFor({ timeout: 60_000 });
      expect(await card.getByTestId("batch-progress").textContent()).toMatch(/3 \/ 3 done/);
      expect(await queue.evaluate(() => "batchLiveMark" in window)).toBe(true);
      await noAxe(queue, `/queue with a finished batch (${device.name})`);

      // The batch page shows every job done and offers the ZIP.
      await poll(() => page.getByTestId("batch-job-status").filter({ hasText: "Done" }).count()).toBe(3);
      await page.getByRole("link", { name: /Download .* as a ZIP/ }).first().waitFor();
      await noAxe(page, `/batch detail (${device.name})`);
      expect(errors).toEqual([]);
      expect(queueErrors).toEqual([]);
      await context.close();
    });
  }
});
