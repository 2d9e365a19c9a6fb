import type { ImageList, Project, StorageUsage } from "@image-studio/shared";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { images } from "../../src/db/schema";
import { runTrashCleanup } from "../../src/modules/images/trash.service";
import { imagePrefix } from "../../src/storage/keys";
import { listAll } from "../../src/storage/types";
import { createTestApp, signUp, type TestApp } from "../harness";
import { caller, makePng, ok, storeImage, unzip } from "../images/fixtures";

/**
 * A duplicated project's images share the source's stored originals (docs/decisions/shared-originals.md):
 * deleting one image for good never removes bytes another row uses, and usage counts each object once.
 */
describe("originals shared by a duplicated project", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** A user with a project of one stored image, and a duplicate of it. */
  async function duplicated(hue: number) {
    const u = await signUp(t);
    const call = caller(t, u);
    const src = await ok<Project>(call("/api/projects", { body: { name: "Source" } }), 201);
    const img = await storeImage(t, u.user.id, await makePng({ hue }), { projectId: src.id });
    const copy = await ok<Project>(call(`/api/projects/${src.id}/duplicate`, { body: {} }), 201);
    const copyImage = (await ok<ImageList>(call(`/api/projects/${copy.id}/images`))).items[0]!;
    const bytes = await download(call, img.id);
    return { u, call, src, img, copy, copyImage, bytes };
  }

  async function download(call: ReturnType<typeof caller>, id: string) {
    const res = await call(`/api/images/${id}/file/original`);
    expect(res.status, `original of ${id}`).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  }

  const purge = (call: ReturnType<typeof caller>, id: string) =>
    ok(call(`/api/images/bulk-purge`, { body: { imageIds: [id] } }));

  /** Every way an image is deleted for good, each applied to the source image. */
  const deleters: Record<string, (d: Awaited<ReturnType<typeof duplicated>>) => Promise<unknown>> = {
    "permanent delete": async ({ call, img }) => {
      await ok(call(`/api/images/${img.id}`, { method: "DELETE" }));
      await ok(call(`/api/images/${img.id}/permanent`, { method: "DELETE" }));
    },
    "bulk purge": ({ call, img }) => purge(call, img.id),
    "empty trash": async ({ call, img }) => {
      await ok(call(`/api/images/${img.id}`, { method: "DELETE" }));
      await ok(call("/api/images/trash/empty", { method: "POST" }));
    },
    "trash auto-cleanup": async ({ call, img }) => {
      await ok(call(`/api/images/${img.id}`, { method: "DELETE" }));
      await ok(call("/api/images/trash/settings", { method: "PUT", body: { autoDeleteDays: 1 } }));
      await runTrashCleanup(t.deps, new Date(Date.now() + 2 * 86_400_000));
    },
    "project delete, then empty trash": async ({ call, src }) => {
      await ok(call(`/api/projects/${src.id}?images=trash`, { method: "DELETE" }));
      await ok(call("/api/images/trash/empty", { method: "POST" }));
    },
  };

  for (const [name, run] of Object.entries(deleters)) {
    it(`keeps the copy's original (download and project ZIP) after the source goes by ${name}`, async () => {
      const d = await duplicated(Object.keys(deleters).indexOf(name) * 40);
      await run(d);
      expect((await d.call(`/api/images/${d.img.id}`)).status).toBe(404);
      expect((await download(d.call, d.copyImage.id)).equals(d.bytes)).toBe(true);
      const zip = await d.call(`/api/projects/${d.copy.id}/export`, { method: "POST", body: {} });
      const files = unzip(Buffer.from(await zip.arrayBuffer()));
      expect([...files.values()].some((f) => f.equals(d.bytes))).toBe(true);
      // The source's own variants went with it; what the copy uses stayed.
      const left = (await listAll(t.deps.storage, imagePrefix(d.u.user.id, d.img.id))).map((o) => o.key);
      expect(left).toEqual([d.img.filePath]);
    });
  }

  it("removes the shared original once its last user is deleted, in either order", async () => {
    for (const order of ["source first", "copy first"]) {
      const d = await duplicated(order === "source first" ? 210 : 250);
      const [first, second] = order === "source first" ? [d.img.id, d.copyImage.id] : [d.copyImage.id, d.img.id];
      await purge(d.call, first);
      expect(await t.deps.storage.exists(d.img.filePath), order).toBe(true);
      await purge(d.call, second);
      expect(await listAll(t.deps.storage, imagePrefix(d.u.user.id, d.img.id)), order).toEqual([]);
      expect(await listAll(t.deps.storage, imagePrefix(d.u.user.id, d.copyImage.id)), order).toEqual([]);
    }
  });

  it("keeps every remaining image's original when a duplicate races a permanent delete of its source", async () => {
    const d = await duplicated(300);
    await Promise.all([ok(d.call(`/api/projects/${d.src.id}/duplicate`, { body: {} }), 201), purge(d.call, d.img.id)]);
    const rows = await t.deps.database.db
      .select({ id: images.id, filePath: images.filePath })
      .from(images)
      .where(eq(images.userId, d.u.user.id));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(await t.deps.storage.exists(r.filePath), r.id).toBe(true);
  });

  it("counts a shared original once in storage usage, as live while any user of it is", async () => {
    const d = await duplicated(330);
    const usage = () => ok<StorageUsage>(d.call("/api/usage/storage"));
    const size = d.img.fileSize;
    let u = await usage();
    expect(u.total).toEqual({ bytes: size, count: 1 });
    expect(u.byProject.reduce((n, p) => n + p.bytes, 0)).toBe(size);
    expect(u.byModel.reduce((n, m) => n + m.bytes, 0)).toBe(size);
    await ok(d.call(`/api/images/${d.img.id}`, { method: "DELETE" }));
    u = await usage();
    expect({ total: u.total, trash: u.trash }).toEqual({
      total: { bytes: size, count: 1 },
      trash: { bytes: 0, count: 0 },
    });
    await ok(d.call(`/api/images/${d.copyImage.id}`, { method: "DELETE" }));
    u = await usage();
    expect({ total: u.total, trash: u.trash }).toEqual({
      total: { bytes: 0, count: 0 },
      trash: { bytes: size, count: 1 },
    });
  });
});
