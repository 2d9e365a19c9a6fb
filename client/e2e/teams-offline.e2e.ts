import type { ImageList, TeamDetail, TeamInvitation } from "@image-studio/shared";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpInContext } from "./auth-helpers";
import { launch, newContext, watchErrors } from "./browser";
import { idb, until } from "./idb";
import { generateImage } from "./image-helpers";

/**
 * A project a teammate shared, taken offline by a member: the member marks it "available offline" (a picture and
 * a local-engine animation in it), goes offline, and opens the project, the picture and the video from the device;
 * when the owner stops sharing, the member's next sync removes it from the device.
 */

const poll = <T>(fn: () => Promise<T> | T, timeout = 30_000) => expect.poll(fn, { timeout, interval: 200 });

describe("a shared project offline for a team member", () => {
  let browser: Browser;
  let owner: BrowserContext;
  let member: BrowserContext;
  let page: Page;
  let errors: string[];
  let teamId = "";
  let projectId = "";
  let imageId = "";
  let videoId = "";

  beforeAll(async () => {
    browser = await launch();
    owner = await newContext(browser);
    member = await newContext(browser);
    await signUpInContext(owner, "Olivia Owner");
    const { email } = await signUpInContext(member, "Mia Member");
    imageId = await generateImage(owner.request, "teams offline: a lighthouse on a cliff");
    const animate = await owner.request.post(`/api/images/${imageId}/animate`, { data: { modelId: "local/animate", duration: 1, motion: "pan-right" } });
    expect(animate.status(), await animate.text()).toBe(202);
    videoId = await until(async () => ((await (await owner.request.get("/api/images?mediaType=video")).json()) as ImageList).items[0]?.id, 120_000, "the animation");
    const project = await owner.request.post("/api/projects", { data: { name: "Cliff walk" } });
    projectId = ((await project.json()) as { id: string }).id;
    expect((await owner.request.post(`/api/projects/${projectId}/images/add`, { data: { imageIds: [imageId, videoId] } })).status()).toBe(200);
    const team = (await (await owner.request.post("/api/teams", { data: { name: "Cliff crew" } })).json()) as TeamDetail;
    teamId = team.id;
    const inv = (await (await owner.request.post(`/api/teams/${teamId}/invitations`, { data: { email, role: "viewer" } })).json()) as TeamInvitation;
    expect((await member.request.post(`/api/teams/invitations/${inv.id}/accept`, { data: {} })).status()).toBe(200);
    expect((await owner.request.put(`/api/teams/${teamId}/projects/${projectId}`, { data: {} })).status()).toBe(200);
    page = await member.newPage();
    errors = watchErrors(page);
  }, 240_000);
  afterAll(() => browser?.close());

  it("marks the shared project available offline and opens it, its picture and its video with no network", async () => {
    await page.goto(`/projects/${projectId}`);
    await page.getByRole("heading", { name: "Cliff walk" }).waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    // The pull brought the project (marked shared, with the owner and the member's role) and its two images.
    await poll(async () => (await idb<{ id: string; shared?: { role: string; ownerName: string } }>(page, "projects")).find((p) => p.id === projectId)?.shared).toEqual({
      ownerId: expect.any(String),
      ownerName: "Olivia Owner",
      role: "viewer",
    });
    await poll(async () => (await idb<{ id: string }>(page, "images")).map((i) => i.id).sort()).toEqual([imageId, videoId].sort());

    await page.getByRole("button", { name: "Make available offline" }).click();
    await page.getByRole("button", { name: /^Save about/ }).click();
    await page.getByRole("button", { name: /Available offline/ }).waitFor({ timeout: 60_000 });
    const keys = (await idb<{ key: string }>(page, "blobs")).map((b) => b.key);
    expect(keys).toEqual(expect.arrayContaining([`${imageId}:thumb-256`, `${imageId}:display-1280`, `${videoId}:original`, `${videoId}:preview-768`]));

    await member.setOffline(true);
    await page.goto(`/projects/${projectId}`);
    await page.getByRole("button", { name: /Sync status: Offline/ }).waitFor();
    await page.getByRole("heading", { name: "Cliff walk" }).waitFor();
    await poll(() => page.locator('[data-testid="project-images"] img').count()).toBe(2);

    await page.goto(`/images/${imageId}`);
    const picture = page.getByRole("img", { name: /lighthouse on a cliff/ }).first();
    await poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

    // The animation plays from the device: the clip (its original), not only the poster.
    await page.goto(`/images/${videoId}`);
    await page.getByText("Animated WebP from the local engine (not AI)").waitFor();
    const clip = page.getByRole("img", { name: /lighthouse on a cliff/ }).first();
    await poll(() => clip.evaluate((img: HTMLImageElement) => (img.complete && img.naturalWidth > 0 ? img.currentSrc : ""))).toMatch(/\/original$/);
    const served = await page.evaluate(async (id) => (await fetch(`/api/images/${id}/file/original`)).headers.get("x-served-by"), videoId);
    expect(served).toBe("device");
    await member.setOffline(false);
  }, 180_000);

  it("leaves the member's device on the next sync once the owner stops sharing it", async () => {
    expect((await owner.request.delete(`/api/teams/${teamId}/projects/${projectId}`)).status()).toBe(200);
    await page.goto("/gallery");
    await poll(async () => (await idb<{ id: string }>(page, "projects")).map((p) => p.id)).toEqual([]);
    await poll(async () => (await idb(page, "images")).length).toBe(0);
    await poll(async () => (await idb(page, "blobs")).length).toBe(0);
    await poll(async () => (await idb(page, "saved")).length).toBe(0);
    expect(errors.filter((e) => !/Failed to load resource|net::ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
  }, 90_000);
});
