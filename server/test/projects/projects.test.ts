import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImageList, Project, ProjectStats } from "@image-studio/shared";
import { createTestApp, type SignedUpUser, signUp, type TestApp } from "../harness";
import { caller, insertRow, ok } from "../images/fixtures";

describe("projects API", () => {
  let t: TestApp;
  let u: SignedUpUser;
  let call: ReturnType<typeof caller>;
  const create = (body: Record<string, unknown>) => ok<Project>(call("/api/projects", { body }), 201);

  beforeAll(async () => {
    t = await createTestApp();
    u = await signUp(t);
    call = caller(t, u);
  });
  afterAll(() => t.close());

  it("creates, reads, lists and updates a project with camelCase fields", async () => {
    const p = await create({
      name: "Moodboard",
      description: "Dusk",
      tags: ["a", "a", "b"],
      category: "film",
      settings: { defaultModelId: "local/sketch", defaultParameters: { steps: 4 } },
    });
    expect(p).toMatchObject({
      name: "Moodboard",
      description: "Dusk",
      notes: "",
      tags: ["a", "b"],
      category: "film",
      isArchived: false,
      isTemplate: false,
      imageCount: 0,
      costCredits: 0,
    });
    expect(p.settings.defaultModelId).toBe("local/sketch");
    expect(await ok<Project>(call(`/api/projects/${p.id}`))).toMatchObject({ id: p.id, name: "Moodboard" });
    const upd = await ok<Project>(
      call(`/api/projects/${p.id}`, {
        method: "PUT",
        body: { name: "Mood board", notes: "keep it blue", version: p.version },
      }),
    );
    expect(upd).toMatchObject({ name: "Mood board", notes: "keep it blue", description: "Dusk" });
    expect(upd.version).toBeGreaterThan(p.version);
    const stale = await call(`/api/projects/${p.id}`, { method: "PUT", body: { name: "Old", version: p.version } });
    expect(stale.status).toBe(409);
    const { items } = await ok<{ items: Project[] }>(call("/api/projects"));
    expect(items.map((i) => i.id)).toContain(p.id);
  });

  it("upserts by a client-minted id: a replay answers the same project and changes nothing", async () => {
    const id = randomUUID();
    const first = await create({ id, name: "Offline" });
    const again = await ok<Project>(call("/api/projects", { body: { id, name: "Offline (replayed)" } }), 200);
    expect(again.id).toBe(first.id);
    expect(again.name).toBe("Offline");
    // Someone else's id is answered as any unknown id: a 404 that does not reveal it exists, and no takeover.
    const other = caller(t, await signUp(t));
    const taken = await other("/api/projects", { body: { id, name: "Mine now" } });
    expect(taken.status).toBe(404);
    const unknown = await other(`/api/projects/${randomUUID()}`);
    const error = async (r: Response) => ({ ...((await r.json()) as { error: Record<string, unknown> }).error, requestId: undefined });
    expect(await error(taken)).toEqual(await error(unknown));
    const theirs = await ok<Project>(other("/api/projects", { body: { name: "Theirs" } }), 201);
    for (const action of ["duplicate", "template"]) {
      const copy = await other(`/api/projects/${theirs.id}/${action}`, { body: { id } });
      expect(await error(copy)).toEqual(await error(await other(`/api/projects/${randomUUID()}`)));
    }
    expect((await ok<Project>(call(`/api/projects/${id}`))).name).toBe("Offline");
  });

  it("refuses bad input", async () => {
    expect((await call("/api/projects", { body: {} })).status).toBe(400);
    expect((await call("/api/projects", { body: { name: "  " } })).status).toBe(400);
    expect((await call("/api/projects", { body: { name: "x", id: "nope" } })).status).toBe(400);
    expect((await call("/api/projects", { body: { name: "x", settings: { bogus: 1 } } })).status).toBe(400);
    expect((await call("/api/projects", { body: { name: "x", coverImageId: randomUUID() } })).status).toBe(404);
  });

  it("adds images, counts them and their cost, uses the latest as the cover and lists them", async () => {
    const p = await create({ name: "Harbour" });
    const a = await insertRow(t, u.user.id, { costCredits: 3, modelId: "m/one" });
    const b = await insertRow(t, u.user.id, { costCredits: 5, modelId: "m/two" });
    const res = await ok<{ affected: string[]; project: Project }>(
      call(`/api/projects/${p.id}/images/add`, { body: { imageIds: [a.id, b.id] } }),
    );
    expect(res.affected.sort()).toEqual([a.id, b.id].sort());
    expect(res.project).toMatchObject({
      imageCount: 2,
      costCredits: 8,
      effectiveCoverImageId: b.id,
      coverImageId: null,
    });
    const list = await ok<ImageList>(call(`/api/projects/${p.id}/images`));
    expect(list.items.map((i) => i.id)).toEqual([b.id, a.id]);
    const chosen = await ok<Project>(call(`/api/projects/${p.id}`, { method: "PUT", body: { coverImageId: a.id } }));
    expect(chosen.effectiveCoverImageId).toBe(a.id);
    const after = await ok<Project>(call(`/api/projects/${p.id}/images/${b.id}`, { method: "DELETE" }));
    expect(after.imageCount).toBe(1);
    expect((await call(`/api/projects/${p.id}/images/${b.id}`, { method: "DELETE" })).status).toBe(404);
    const stats = await ok<ProjectStats>(call(`/api/projects/${p.id}/stats`));
    expect(stats).toMatchObject({
      imageCount: 1,
      generations: 1,
      costCredits: 3,
      models: [{ modelId: "m/one", count: 1 }],
    });
    expect(stats.overTime).toHaveLength(1);
  });

  it("refuses unknown images and other users' images with nothing changed", async () => {
    const p = await create({ name: "Strict" });
    const mine = await insertRow(t, u.user.id);
    const other = await signUp(t);
    const theirs = await insertRow(t, other.user.id);
    for (const bad of [randomUUID(), theirs.id]) {
      const res = await call(`/api/projects/${p.id}/images/add`, { body: { imageIds: [mine.id, bad] } });
      expect(res.status).toBe(404);
    }
    expect((await ok<Project>(call(`/api/projects/${p.id}`))).imageCount).toBe(0);
    expect((await ok<{ projectId: string | null }>(caller(t, other)(`/api/images/${theirs.id}`))).projectId).toBeNull();
    expect((await call(`/api/projects/${p.id}/images/add`, { body: { imageIds: [] } })).status).toBe(400);
  });

  it("archives, filters by archived and tag, and searches", async () => {
    const p = await create({ name: "Zebra crossings", tags: ["street"] });
    await create({ name: "Unrelated", tags: ["studio"] });
    const archived = await ok<Project>(
      call(`/api/projects/${p.id}/archive`, { method: "PUT", body: { archived: true } }),
    );
    expect(archived.isArchived).toBe(true);
    const live = await ok<{ items: Project[] }>(call("/api/projects"));
    expect(live.items.map((i) => i.id)).not.toContain(p.id);
    const arch = await ok<{ items: Project[] }>(call("/api/projects?archived=true&tag=street"));
    expect(arch.items.map((i) => i.id)).toEqual([p.id]);
    const found = await ok<{ items: Project[] }>(call("/api/search/projects?q=zebra"));
    expect(found.items.map((i) => i.id)).toEqual([p.id]);
    expect((await call("/api/search/projects")).status).toBe(400);
    const back = await ok<Project>(call(`/api/projects/${p.id}/archive`, { method: "PUT", body: { archived: false } }));
    expect(back.isArchived).toBe(false);
  });

  it("saves a project as a template and starts a new project from it", async () => {
    const src = await create({
      name: "Portraits",
      description: "soft light",
      tags: ["people"],
      settings: { defaultModelId: "local/sketch", promptStarters: ["a portrait of"] },
    });
    const tpl = await ok<Project>(
      call(`/api/projects/${src.id}/template`, { body: { name: "Portrait template" } }),
      201,
    );
    expect(tpl).toMatchObject({
      isTemplate: true,
      name: "Portrait template",
      imageCount: 0,
      description: "soft light",
    });
    const templates = await ok<{ items: Project[] }>(call("/api/projects?templates=true"));
    expect(templates.items.map((i) => i.id)).toEqual([tpl.id]);
    expect((await ok<{ items: Project[] }>(call("/api/projects"))).items.map((i) => i.id)).not.toContain(tpl.id);
    const fresh = await create({ name: "Session 2", templateId: tpl.id });
    expect(fresh).toMatchObject({ isTemplate: false, description: "soft light", tags: ["people"] });
    expect(fresh.settings.promptStarters).toEqual(["a portrait of"]);
  });

  it("deletes a project, unassigning its images or trashing them, with a tombstone", async () => {
    const keep = await create({ name: "Keep images" });
    const img = await insertRow(t, u.user.id);
    await ok(call(`/api/projects/${keep.id}/images/add`, { body: { imageIds: [img.id] } }));
    expect((await call(`/api/projects/${keep.id}?images=bogus`, { method: "DELETE" })).status).toBe(400);
    await ok(call(`/api/projects/${keep.id}?images=unassign`, { method: "DELETE" }));
    expect((await call(`/api/projects/${keep.id}`)).status).toBe(404);
    const kept = await ok<{ projectId: string | null; deletedAt: string | null }>(call(`/api/images/${img.id}`));
    expect(kept).toMatchObject({ projectId: null, deletedAt: null });

    const bin = await create({ name: "Trash images" });
    const img2 = await insertRow(t, u.user.id);
    await ok(call(`/api/projects/${bin.id}/images/add`, { body: { imageIds: [img2.id] } }));
    await ok(call(`/api/projects/${bin.id}?images=trash`, { method: "DELETE" }));
    const trashed = await ok<{ deletedAt: string | null }>(call(`/api/images/${img2.id}`));
    expect(trashed.deletedAt).not.toBeNull();
    const { tombstones } = await import("../../src/db/schema");
    const { eq } = await import("drizzle-orm");
    const rows = await t.deps.database.db.select().from(tombstones).where(eq(tombstones.entityId, bin.id));
    expect(rows).toMatchObject([{ entity: "project", userId: u.user.id }]);
  });
});
