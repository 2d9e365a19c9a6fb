import type { Prompt } from "@image-studio/shared";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpInContext } from "./auth-helpers";
import { axeViolations, launch, newContext, watchErrors } from "./browser";

/**
 * The prompt library in a real browser: create and edit in the dialog (through the offline outbox), find a prompt
 * by search, open it in the studio, and see the changes reach the server.
 */

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000, interval: 150 });

async function serverPrompts(context: BrowserContext): Promise<Prompt[]> {
  const res = await context.request.get("/api/prompts");
  expect(res.status()).toBe(200);
  return ((await res.json()) as { items: Prompt[] }).items;
}

const cardTitles = (page: Page) => page.getByTestId("prompt-card").locator("h2").allTextContents();

async function fillAndSave(
  page: Page,
  fields: { title: string; prompt?: string; negative?: string; category?: string; tags?: string[] },
  save: string,
) {
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Title").fill(fields.title);
  if (fields.prompt !== undefined) await dialog.getByLabel("Prompt", { exact: true }).fill(fields.prompt);
  if (fields.negative !== undefined) await dialog.getByLabel("Negative prompt").fill(fields.negative);
  if (fields.category !== undefined) await dialog.getByLabel("Category").fill(fields.category);
  for (const tag of fields.tags ?? []) {
    await dialog.getByLabel("Tags").fill(tag);
    await dialog.getByLabel("Tags").press("Enter");
  }
  await dialog.getByRole("button", { name: save }).click();
  await dialog.waitFor({ state: "detached" });
}

describe("prompt library", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it("creates, edits, searches and uses a prompt in the studio; the server has it", async () => {
    const context = await newContext(browser, { width: 1280, height: 900 });
    await signUpInContext(context, "Prompt Tester");
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto("/prompts");
    await page.getByRole("heading", { name: "Your prompt library is empty" }).waitFor();

    // An empty title is refused with the shared schema's message.
    await page.getByRole("button", { name: "New prompt" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Save prompt" }).click();
    await page.getByText("Give the prompt a title").waitFor();

    await fillAndSave(
      page,
      {
        title: "Harbour at dawn",
        prompt: "e2e: fishing boats in a misty harbour at dawn",
        negative: "people, text",
        category: "Places",
        tags: ["sea"],
      },
      "Save prompt",
    );
    await poll(() => cardTitles(page)).toEqual(["Harbour at dawn"]);
    await poll(async () => (await serverPrompts(context)).map((p) => p.title)).toEqual(["Harbour at dawn"]);

    await page.getByRole("button", { name: "Edit Harbour at dawn" }).click();
    await fillAndSave(page, { title: "Harbour at first light" }, "Save changes");
    await poll(() => cardTitles(page)).toEqual(["Harbour at first light"]);
    await poll(async () => (await serverPrompts(context))[0]).toMatchObject({
      title: "Harbour at first light",
      promptText: "e2e: fishing boats in a misty harbour at dawn",
      negativePrompt: "people, text",
      category: "Places",
      tags: ["sea"],
    });
    expect(await page.getByText("Not yet synced").count()).toBe(0);

    await page.getByRole("button", { name: "New prompt" }).click();
    await fillAndSave(
      page,
      { title: "Desert road", prompt: "an empty road through red dunes", category: "Places" },
      "Save prompt",
    );
    await poll(() => cardTitles(page)).toHaveLength(2);
    await page.getByRole("searchbox", { name: "Search prompts" }).fill("misty");
    await poll(() => cardTitles(page)).toEqual(["Harbour at first light"]);
    expect(await axeViolations(page)).toEqual([]);

    const card = page.getByRole("article", { name: "Harbour at first light" });
    await card.getByRole("link", { name: /^Use in studio/ }).click();
    await poll(() => new URL(page.url()).pathname).toBe("/studio");
    const controls = page.getByRole("complementary", { name: "Generation controls" });
    await poll(() => controls.getByLabel("Prompt", { exact: true }).inputValue()).toBe(
      "e2e: fishing boats in a misty harbour at dawn",
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it("fits a 390 px phone in dark mode, with prompts synced from the server", async () => {
    const context = await newContext(browser, { width: 390, height: 844, colorScheme: "dark" });
    await signUpInContext(context, "Phone Prompter");
    const created = await context.request.post("/api/prompts", {
      data: {
        id: crypto.randomUUID(),
        title: "A rather long title for a saved prompt on a phone",
        promptText: "x ".repeat(300),
        tags: ["one", "two"],
        category: "Long",
      },
    });
    expect(created.status()).toBe(201);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto("/prompts");
    await poll(() => cardTitles(page)).toEqual(["A rather long title for a saved prompt on a phone"]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await axeViolations(page)).toEqual([]);

    // Delete asks first, then offers an undo that brings the prompt back (the server has it again too).
    await page.getByRole("button", { name: /^Delete A rather long title/ }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete prompt" }).click();
    await poll(() => cardTitles(page)).toEqual([]);
    await page.getByRole("button", { name: "Undo" }).click();
    await poll(() => cardTitles(page)).toEqual(["A rather long title for a saved prompt on a phone"]);
    await poll(async () => (await serverPrompts(context)).map((p) => p.tags)).toEqual([["one", "two"]]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
