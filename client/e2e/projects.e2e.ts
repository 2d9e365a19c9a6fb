import type { CollectionDetail, ImageList, Project } from "@image-studio/shared";
import type { APIRequestContext, Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpInContext } from "./auth-helpers";
import { launch, newContext, watchErrors } from "./browser";

/**
 * Projects and collections in a real browser: add images to a project, drag gallery images onto the side bar's
 * projects and collections (mouse and keyboard), reorder a collection with the keyboard.
 */

async function generate(request: APIRequestContext, count: number): Promise<string[]> {
  const res = await request.post("/api/generate/text-to-image", {
    data: {
      prompt: "e2e board: a teal lighthouse",
      modelId: "local/sketch-fast",
      parameters: { numImages: count, width: 256, height: 256 },
    },
  });
  expect(res.status(), await res.text()).toBe(202);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const page = (await (await request.get("/api/images?limit=50")).json()) as ImageList;
    if (page.items.length >= count) return page.items.map((i) => i.id);
    if (Date.now() > deadline) throw new Error("images were not generated in time");
    await new Promise((r) => setTimeout(r, 300));
  }
}

const tileIds = (page: Page) =>
  page.locator('[data-testid="collection-tile"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-image-id")));

describe("projects and collections", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let ids: string[];

  beforeAll(async () => {
    browser = await launch();
    context = await newContext(browser);
    await signUpInContext(context, "Board Tester");
    ids = await generate(context.request, 4);
    page = await context.newPage();
    errors = watchErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("adds an image to a project from the project page", async () => {
    const project = (await (
      await context.request.post("/api/projects", { data: { name: "Lighthouses" } })
    ).json()) as Project;
    await page.goto(`/projects/${project.id}`);
    await page.getByRole("button", { name: "Add images" }).click();
    await page.locator('[data-testid="image-picker"] button').first().click();
    await page.getByRole("button", { name: "Add 1 image" }).click();
    await expect.poll(() => page.locator('[data-testid="project-images"] li').count(), { timeout: 10_000 }).toBe(1);
    const after = (await (await context.request.get(`/api/projects/${project.id}`)).json()) as Project;
    expect(after.imageCount).toBe(1);
  });

  it("drags an image from one project onto another", async () => {
    const post = async (name: string) =>
      (await (await context.request.post("/api/projects", { data: { name } })).json()) as Project;
    const from = await post("Drag source");
    const to = await post("Drag target");
    await context.request.post(`/api/projects/${from.id}/images/add`, { data: { imageIds: [ids[2]] } });
    await page.goto(`/projects/${from.id}`);
    const handle = page.getByRole("button", { name: /^Drag .* to another project$/ });
    const target = page.locator('[data-testid="project-drop-target"]', { hasText: "Drag target" });
    await handle.waitFor();
    const a = (await handle.boundingBox())!;
    const b = (await target.boundingBox())!;
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++)
      await page.mouse.move(a.x + ((b.x + b.width / 2 - a.x) * i) / 10, a.y + ((b.y + b.height / 2 - a.y) * i) / 10);
    await page.mouse.up();
    await expect
      .poll(async () => ((await (await context.request.get(`/api/projects/${to.id}`)).json()) as Project).imageCount, {
        timeout: 10_000,
      })
      .toBe(1);
    await expect.poll(() => page.locator('[data-testid="project-images"] li').count(), { timeout: 10_000 }).toBe(0);
  });

  it("drags the gallery's selection onto a project in the side bar, and one image onto a collection by keyboard", async () => {
    const project = (await (await context.request.post("/api/projects", { data: { name: "Sidebar drop" } })).json()) as Project;
    const col = (await (await context.request.post("/api/collections", { data: { name: "Keyboard drop" } })).json()) as CollectionDetail;
    await page.goto("/gallery");
    const tile = (id: string) => page.locator(`[data-testid="gallery-tile"][data-image-id="${id}"]`);
    const projectTarget = page.getByTestId("sidebar-targets").locator(`[data-testid="image-drop-target"][data-target-id="${project.id}"]`);
    await tile(ids[0]!).waitFor();
    await projectTarget.waitFor();
    // Select two images, then drag one of them: the whole selection goes.
    for (const id of [ids[0]!, ids[1]!]) {
      await tile(id).hover();
      await tile(id).getByRole("checkbox").click();
    }
    await expect.poll(() => page.getByText("2 selected").isVisible()).toBe(true);
    const a = (await tile(ids[1]!).boundingBox())!;
    const b = (await projectTarget.boundingBox())!;
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++)
      await page.mouse.move(a.x + a.width / 2 + ((b.x + b.width / 2 - a.x - a.width / 2) * i) / 12, a.y + a.height / 2 + ((b.y + b.height / 2 - a.y - a.height / 2) * i) / 12);
    await expect.poll(() => projectTarget.getAttribute("data-over")).toBe("true");
    await page.mouse.up();
    await expect.poll(() => page.getByText("Moved 2 images to Sidebar drop").isVisible(), { timeout: 10_000 }).toBe(true);
    const inProject = (await (await context.request.get(`/api/projects/${project.id}/images`)).json()) as ImageList;
    expect(inProject.items.map((i) => i.id).sort()).toEqual([ids[0], ids[1]].sort());

    // Keyboard: the drag handle picks the (unselected) image up, arrows go from target to target, Space drops.
    await page.keyboard.press("Escape"); // clear the selection
    await expect.poll(() => page.getByText("2 selected").isVisible()).toBe(false);
    await tile(ids[3]!).hover();
    const handle = tile(ids[3]!).getByRole("button", { name: /^Drag .* to a project or collection$/ });
    await handle.focus();
    await page.keyboard.press("Space");
    await page.waitForTimeout(300);
    const colTarget = page.getByTestId("sidebar-targets").locator(`[data-testid="image-drop-target"][data-target-id="${col.id}"]`);
    for (let i = 0; i < 12 && (await colTarget.getAttribute("data-over")) !== "true"; i++) {
      await page.keyboard.press("ArrowDown");
      await page.waitForTimeout(200);
    }
    expect(await colTarget.getAttribute("data-over")).toBe("true");
    await page.keyboard.press("Space");
    await expect.poll(() => page.getByText("Added 1 image to Keyboard drop").isVisible(), { timeout: 10_000 }).toBe(true);
    const detail = (await (await context.request.get(`/api/collections/${col.id}`)).json()) as CollectionDetail;
    expect(detail.images.map((i) => i.id)).toEqual([ids[3]]);
    expect(errors).toEqual([]);
  });

  it("reorders a collection with the keyboard, and the order is kept", async () => {
    const res = await context.request.post("/api/collections", { data: { name: "Board" } });
    const col = (await res.json()) as CollectionDetail;
    await context.request.post(`/api/collections/${col.id}/images`, { data: { imageIds: ids } });
    await page.goto(`/collections/${col.id}`);
    await expect.poll(() => tileIds(page), { timeout: 10_000 }).toEqual(ids);
    await page.getByRole("button", { name: "Move image 1", exact: true }).focus();
    // dnd-kit measures and announces between steps, as a keyboard user's pace would allow.
    await page.keyboard.press("Space");
    await page.waitForTimeout(300);
    await page.keyboard.press("ArrowRight");
    await page.waitForTimeout(300);
    await page.keyboard.press("Space");
    const expected = [ids[1], ids[0], ids[2], ids[3]];
    await expect.poll(() => tileIds(page), { timeout: 5_000 }).toEqual(expected);
    await expect
      .poll(
        async () =>
          ((await (await context.request.get(`/api/collections/${col.id}`)).json()) as CollectionDetail).images.map(
            (i) => i.id,
          ),
        { timeout: 5_000 },
      )
      .toEqual(expected);
    await page.reload();
    await expect.poll(() => tileIds(page), { timeout: 10_000 }).toEqual(expected);
    expect(errors).toEqual([]);
  });
});
