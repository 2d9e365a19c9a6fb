import { randomUUID } from "node:crypto";
import type { ImportResult, UserSettings } from "@image-studio/shared";
import archiver from "archiver";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectionImages, collections, images, projects, prompts } from "../../src/db/schema";
import { openZip } from "../../src/modules/account-data/zip-reader";
import { createTestApp, signUp, type SignedUpUser, TEST_ORIGIN, type TestApp } from "../harness";
import { caller, makePng, storeImage } from "../images/fixtures";
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function exportZip(u: SignedUpUser): Promise<Buffer> {
  const res = await caller(t, u)("/api/account/export", { method: "POST" });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/zip");
  return Buffer.from(await res.arrayBuffer());
}

function importZip(u: SignedUpUser, data: Buffer, name = "archive.zip") {
  const form = new FormData();
  form.set("file", new Blob([new Uint8Array(data)], { type: "application/zip" }), name);
  return t.request("/api/account/import", { method: "POST", headers: { Origin: TEST_ORIGIN, Cookie: u.cookie, "X-Forwarded-For": u.ip }, body: form });
}

async function zipOf(entries: Record<string, string | Buffer>): Promise<Buffer> {
  const archive = archiver("zip");
  const chunks: Buffer[] = [];
  archive.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => archive.on("end", r));
  for (const [name, data] of Object.entries(entries)) archive.append(data, { name });
  await archive.finalize();
  await done;
  return Buffer.concat(chunks);
}

/** A user with two images (one rated and tagged, one a variation of the first), a project, a collection, a prompt and settings. */
async function richUser() {
  const u = await signUp(t);
  const db = t.deps.database.db;
  const [project] = await db.insert(projects).values({ userId: u.user.id, name: "Harbours", tags: ["sea"], description: "Dawn series" }).returning();
  const first = await storeImage(t, u.user.id, await makePng({ hue: 10 }), {
    prompt: "a quiet harbour at dawn",
    tags: ["harbour", "dawn"],
    rating: 4,
    isFavorite: true,
    notes: "client pick",
    projectId: project!.id,
    parameters: { seed: 42 },
  });
  const second = await storeImage(t, u.user.id, await makePng({ hue: 90 }), { prompt: "the same harbour at dusk", parentImageId: first.id });
  await db.update(projects).set({ coverImageId: first.id }).where(eq(projects.id, project!.id));
  const [col] = await db.insert(collections).values({ userId: u.user.id, name: "Best of", description: "keepers" }).returning();
  await db.insert(collectionImages).values([
    { collectionId: col!.id, imageId: second.id, position: "a0" },
    { collectionId: col!.id, imageId: first.id, position: "a1" },
  ]);
  await db.insert(prompts).values({ userId: u.user.id, title: "Harbour", promptText: "a harbour, {dawn|dusk}", tags: ["sea"], isFavorite: true });
  const put = await caller(t, u)("/api/settings", {
    method: "PUT",
    body: { defaultModelId: "local/sketch", galleryViewMode: "list", settings: { galleryTileSize: "large" } },
  });
  expect(put.status).toBe(200);
  const preset = await caller(t, u)(`/api/settings/presets/${randomUUID()}`, {
    method: "PUT",
    body: { name: "Square sketch", modelId: "local/sketch", parameters: {} },
  });
  expect(preset.status).toBe(200);
  return { u, project: project!, first, second, col: col! };
}

describe("account export and import", () => {
  it("round-trips images, projects, collections, prompts and settings into another account", async () => {
    const { u, first } = await richUser();
    const zip = await exportZip(u);
    const b = await signUp(t);
    const res = await importZip(b, zip);
    expect(res.status).toBe(201);
    const result = (await res.json()) as ImportResult;
    expect(result).toMatchObject({ images: 2, projects: 1, collections: 1, prompts: 1, presets: 1, skipped: [] });

    const db = t.deps.database.db;
    const imgs = await db.select().from(images).where(eq(images.userId, b.user.id));
    expect(imgs).toHaveLength(2);
    const dawn = imgs.find((i) => i.prompt === "a quiet harbour at dawn")!;
    const dusk = imgs.find((i) => i.prompt === "the same harbour at dusk")!;
    expect(dawn).toMatchObject({ tags: ["harbour", "dawn"], rating: 4, isFavorite: true, notes: "client pick", width: first.width });
    expect(dawn.parameters).toEqual({ seed: 42 });
    expect(dawn.id).not.toBe(first.id);
    expect(dusk.parentImageId).toBe(dawn.id);
    const [proj] = await db.select().from(projects).where(eq(projects.userId, b.user.id));
    expect(proj).toMatchObject({ name: "Harbours", description: "Dawn series", tags: ["sea"], coverImageId: dawn.id });
    expect(dawn.projectId).toBe(proj!.id);
    const [col] = await db.select().from(collections).where(eq(collections.userId, b.user.id));
    const items = await db.select().from(collectionImages).where(eq(collectionImages.collectionId, col!.id)).orderBy(collectionImages.position);
    expect(items.map((i) => i.imageId)).toEqual([dusk.id, dawn.id]);
    const [pr] = await db.select().from(prompts).where(eq(prompts.userId, b.user.id));
    expect(pr).toMatchObject({ title: "Harbour", promptText: "a harbour, {dawn|dusk}", isFavorite: true });
    const settings = (await (await caller(t, b)("/api/settings")).json()) as UserSettings;
    expect(settings.defaultModelId).toBe("local/sketch");
    expect(settings.settings.galleryTileSize).toBe("large");
    expect(settings.presets.map((p) => p.name)).toEqual(["Square sketch"]);

    // The originals came across byte for byte and their variants were made.
    const file = await caller(t, b)(`/api/images/${dawn.id}/file/original`);
    expect(file.status).toBe(200);
    const original = await t.deps.storage.get(first.filePath);
    const chunks: Buffer[] = [];
    for await (const c of original!.body) chunks.push(c as Buffer);
    expect(Buffer.from(await file.arrayBuffer()).equals(Buffer.concat(chunks))).toBe(true);
    expect((await caller(t, b)(`/api/images/${dawn.id}/file/thumb-256`)).status).toBe(200);
  });

  it("never overwrites: importing into an account adds copies and leaves what is there", async () => {
    const { u, first, col } = await richUser();
    const zip = await exportZip(u);
    expect((await importZip(u, zip)).status).toBe(201);
    const db = t.deps.database.db;
    const imgs = await db.select().from(images).where(and(eq(images.userId, u.user.id), isNull(images.deletedAt)));
    expect(imgs).toHaveLength(4);
    const [before] = await db.select().from(images).where(eq(images.id, first.id));
    expect(before).toMatchObject({ rating: 4, projectId: first.projectId });
    expect(await db.select().from(collectionImages).where(eq(collectionImages.collectionId, col.id))).toHaveLength(2);
    expect(await db.select().from(collections).where(eq(collections.userId, u.user.id))).toHaveLength(2);
    // A preset of the same name is already there: reported, not duplicated.
    const settings = (await (await caller(t, u)("/api/settings")).json()) as UserSettings;
    expect(settings.presets).toHaveLength(1);
  });

  it("exports only the caller's data, and leaves trashed images out", async () => {
    const { u } = await richUser();
    const other = await signUp(t);
    await storeImage(t, other.user.id, await makePng({ hue: 200 }), { prompt: "someone else's" });
    await storeImage(t, u.user.id, await makePng({ hue: 150 }), { prompt: "binned", deletedAt: new Date() });
    const dir = await mkdtemp(path.join(os.tmpdir(), "export-test-"));
    const file = path.join(dir, "a.zip");
    await writeFile(file, await exportZip(u));
    const zip = await openZip(file);
    const manifest = JSON.parse((await zip.read("manifest.json", 1e7))!.toString()) as { images: { prompt: string }[] };
    zip.close();
    expect(manifest.images.map((i) => i.prompt).sort()).toEqual(["a quiet harbour at dawn", "the same harbour at dusk"]);
    expect(zip.names().filter((n) => n.startsWith("images/"))).toHaveLength(2);
  });

  it("refuses what is not an archive with a clear 4xx and stores nothing", async () => {
    const u = await signUp(t);
    const notZip = await importZip(u, Buffer.from("hello"), "notes.txt");
    expect(notZip.status).toBe(400);
    expect(((await notZip.json()) as { error: { message: string } }).error.message).toMatch(/not a ZIP/);
    const noManifest = await importZip(u, await zipOf({ "readme.txt": "hi" }));
    expect(noManifest.status).toBe(400);
    const badManifest = await importZip(u, await zipOf({ "manifest.json": JSON.stringify({ format: "something-else" }) }));
    expect(badManifest.status).toBe(400);
    const brokenJson = await importZip(u, await zipOf({ "manifest.json": "{" }));
    expect(brokenJson.status).toBe(400);
    const noFile = await t.request("/api/account/import", {
      method: "POST",
      headers: { Origin: TEST_ORIGIN, Cookie: u.cookie, "X-Forwarded-For": u.ip },
      body: new FormData(),
    });
    expect(noFile.status).toBe(400);
    expect(await t.deps.database.db.select().from(images).where(eq(images.userId, u.user.id))).toHaveLength(0);
  });

  it("skips an entry that is not an image and imports the rest", async () => {
    const { u } = await richUser();
    const dir = await mkdtemp(path.join(os.tmpdir(), "export-test-"));
    const file = path.join(dir, "a.zip");
    await writeFile(file, await exportZip(u));
    const zip = await openZip(file);
    const entries: Record<string, Buffer> = {};
    for (const n of zip.names()) entries[n] = (await zip.read(n, 1e8))!;
    zip.close();
    const victim = Object.keys(entries).find((n) => n.startsWith("images/"))!;
    entries[victim] = Buffer.from("not a png");
    const b = await signUp(t);
    const res = await importZip(b, await zipOf(entries));
    expect(res.status).toBe(201);
    const result = (await res.json()) as ImportResult;
    expect(result.images).toBe(1);
    expect(result.skipped).toEqual([`${victim}: not an image`]);
  });
});
