import type { Job } from "@image-studio/shared";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpInContext } from "./auth-helpers";
import { generateImage } from "./image-helpers";
import { launch, newContext, watchErrors } from "./browser";

/** Advanced generation on the local engine: a ControlNet run with its preview, a blend strip, a template fill and generating into a project. */

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 60_000, interval: 200 });

async function jobs(context: BrowserContext): Promise<Job[]> {
  return ((await (await context.request.get("/api/generate/queue?limit=200")).json()) as { items: Job[] }).items;
}

async function pickLocalEngine(page: Page, scope: Locator) {
  await scope.getByRole("combobox", { name: "Model" }).click();
  await page.locator('[role="option"][data-value^="Local sketch local/sketch "]').click();
  await poll(() => scope.getByRole("combobox", { name: "Model" }).textContent()).toContain("Local sketch engine — not AI");
}

describe("advanced generation", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let controls: Locator;
  let errors: string[];
  beforeAll(async () => {
    browser = await launch();
    context = await newContext(browser, { width: 1280, height: 900 });
    await signUpInContext(context, "Advanced Tester");
    page = await context.newPage();
    errors = watchErrors(page);
  });
  afterAll(() => browser?.close());

  it("runs a ControlNet generation from a gallery image, with the edge preview", async () => {
    const sourceId = await generateImage(context.request, "e2e control: a red house", { width: 256, height: 256 });
    await page.goto("/studio");
    controls = page.getByRole("complementary", { name: "Generation controls" });
    await controls.waitFor();
    await pickLocalEngine(page, controls);
    const guide = controls.getByRole("region", { name: "Guide with images" });
    await guide.getByRole("button", { name: "From gallery (control image)" }).click();
    await guide.getByRole("group", { name: "Control image: recent images" }).getByRole("button").first().click();
    await guide.getByRole("button", { name: "Preview edges" }).click();
    const preview = guide.getByRole("img", { name: "Edge map of the control image" });
    await poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(512);
    await guide.getByLabel("Control strength").fill("1.5");
    if (process.env.E2E_SCREENSHOTS) await guide.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/guide-with-images-1280.png` });

    await controls.getByLabel("Prompt").fill("e2e control: a quiet meadow");
    await controls.getByRole("button", { name: /^Generate/ }).click();
    await poll(async () => (await jobs(context)).find((j) => j.prompt === "e2e control: a quiet meadow")?.status).toBe("completed");
    const job = (await jobs(context)).find((j) => j.prompt === "e2e control: a quiet meadow")!;
    const image = page.getByRole("article").first().getByRole("img", { name: /e2e control: a quiet meadow/ });
    await poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    // The server kept which image steered it.
    const detail = (await (await context.request.get(`/api/generate/queue/${job.id}`)).json()) as Job;
    expect(detail.status).toBe("completed");
    expect(sourceId).toBeTruthy();
    await guide.getByRole("button", { name: "Remove the control image" }).click();
  }, 240_000);

  it("renders a blend strip: N images from one idea to the other, shown together", async () => {
    await controls.getByRole("button", { name: "Blend two ideas" }).click();
    const blend = controls.getByRole("group", { name: "Blend two ideas" });
    await blend.getByLabel("Blend from").fill("a stone castle");
    await blend.getByLabel("Blend to").fill("a dense forest");
    await blend.getByLabel("Images in the strip").fill("3");
    await blend.getByRole("button", { name: "Render blend strip" }).click();
    const strip = blend.getByRole("list", { name: "Blend strip" });
    await poll(() => strip.getByRole("listitem").count()).toBe(3);
    await poll(() => strip.locator('[data-status="completed"]').count()).toBe(3);
    if (process.env.E2E_SCREENSHOTS) await blend.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/blend-strip-1280.png` });
    await poll(() => strip.getByRole("img", { name: "Blend at 50% / 50%" }).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const prompts = (await jobs(context)).map((j) => j.prompt);
    expect(prompts).toEqual(expect.arrayContaining(["a stone castle::1 | a dense forest::0", "a stone castle::0.5 | a dense forest::0.5", "a stone castle::0 | a dense forest::1"]));
    const seeds = new Set((await jobs(context)).filter((j) => j.prompt.includes("a dense forest::")).map((j) => j.parameters.seed));
    expect(seeds.size).toBe(1);
    // The mix slider writes the weighted prompt into the prompt field.
    await blend.getByLabel("Mix").fill("0.25");
    await blend.getByRole("button", { name: "Write this mix into the prompt field" }).click();
    expect(await controls.getByLabel("Prompt").inputValue()).toBe("a stone castle::0.75 | a dense forest::0.25");
  }, 240_000);

  it("fills a saved template from its form and counts the use", async () => {
    const created = await context.request.post("/api/prompts", {
      data: { id: crypto.randomUUID(), title: "Creature card", promptText: "a {creature} in {snow|rain}", isTemplate: true, variables: { creature: ["fox", "owl"] } },
    });
    expect(created.status(), await created.text()).toBeLessThan(300);
    const { id: promptId } = (await created.json()) as { id: string };
    await page.reload();
    await controls.waitFor();
    await controls.getByRole("button", { name: "Fill a template" }).click();
    const form = controls.getByRole("group", { name: "Fill a template" });
    await poll(() => form.getByLabel("Template").locator("option").count()).toBeGreaterThan(1);
    await form.getByLabel("Template").selectOption({ label: "Creature card" });
    await form.getByRole("combobox", { name: "creature", exact: true }).fill("owl");
    await form.getByLabel("Option 1").selectOption({ label: "rain" });
    await form.getByRole("button", { name: "Use filled template" }).click();
    expect(await controls.getByLabel("Prompt").inputValue()).toBe("a owl in rain");
    await controls.getByRole("button", { name: /^Generate/ }).click();
    await poll(async () => ((await (await context.request.get(`/api/prompts/${promptId}`)).json()) as { usageCount: number }).usageCount).toBe(1);
  }, 240_000);

  it("generates into a project from its page: the prefix and the project target apply", async () => {
    const projectId = crypto.randomUUID();
    const res = await context.request.post("/api/projects", { data: { id: projectId, name: "Tiles", settings: { promptPrefix: "isometric tile", defaultModelId: "local/sketch-fast" } } });
    expect(res.status(), await res.text()).toBe(201);
    await page.goto(`/projects/${projectId}`);
    await page.getByRole("link", { name: "Generate here" }).click();
    await page.waitForURL(/\/studio/);
    await controls.waitFor();
    await poll(() => controls.getByLabel("Project").inputValue()).toBe(projectId);
    await poll(() => controls.getByRole("combobox", { name: "Model" }).textContent()).toContain("Local sketch (fast)");
    await poll(() => controls.getByTestId("project-prefix").textContent()).toContain("isometric tile");
    await controls.getByLabel("Prompt").fill("a water well");
    await controls.getByRole("button", { name: /^Generate/ }).click();
    await poll(async () => (await jobs(context)).find((j) => j.prompt === "isometric tile, a water well")?.projectId).toBe(projectId);
    // Remembered on this device: a fresh visit to the studio still targets the project.
    await page.goto("/studio");
    await controls.waitFor();
    await poll(() => controls.getByLabel("Project").inputValue()).toBe(projectId);
    expect(errors).toEqual([]);
  }, 240_000);
});
