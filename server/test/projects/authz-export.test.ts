import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImageList, Project } from "@image-studio/shared";
import { originalKey, variantKey } from "../../src/storage/keys";
import { createTestApp, type SignedUpUser, signUp, type TestApp } from "../harness";
import { caller, insertRow, makePng, ok, storeImage, unzip } from "../images/fixtures";

describe("projects: authorization matrix, export and duplicate", () => {
  let t: TestApp;
  let owner: SignedUpUser;
  let other: SignedUpUser;
  let project: Project;
  let imageId: string;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t);
    other = await signUp(t);
    project = await ok<Project>(caller(t, owner)("/api/projects", { body: { name: "Private" } }), 201);
    imageId = (await insertRow(t, owner.user.id, { projectId: project.id })).id;
  });
  afterAll(() => t.close());

  const routes = (id: string, img: string): [string, string, unknown?][] => [
    ["GET", `/api/projects/${id}`],
    ["PUT", `/api/projects/${id}`, { name: "Taken" }],
    ["GET", `/api/projects/${id}/images`],
    ["GET", `/api/projects/${id}/stats`],
    ["POST", `/api/projects/${id}/images/add`, { imageIds: [img] }],
    ["DELETE", `/api/projects/${id}/images/${img}`],
    ["POST", `/api/projects/${id}/duplicate`, {}],
    ["POST", `/api/projects/${id}/template`, {}],
    ["POST", `/api/projects/${id}/export`, {}],
    ["PUT", `/api/projects/${id}/archive`, { archived: true }],
    ["DELETE", `/api/projects/${id}`],
  ];

  it("anonymous is 401 everywhere, including the list, create and search", async () => {
    const anon = caller(t, null);
    for (const [method, path, body] of [
      ["GET", "/api/projects"],
      ["POST", "/api/projects", { name: "x" }],
      ["GET", "/api/search/projects?q=x"],
      ...routes(project.id, imageId),
    ] as [string, string, unknown?][]) {
      expect((await anon(path, { method, body })).status, `${method} ${path}`).toBe(401);
    }
  });

  it("another user gets 404 on every route and changes nothing", async () => {
    const call = caller(t, other);
    for (const [method, path, body] of routes(project.id, imageId)) {
      expect((await call(path, { method, body })).status, `${method} ${path}`).toBe(404);
    }
    expect((await ok<{ items: Project[] }>(call("/api/projects"))).items).toEqual([]);
    expect((await ok<{ items: Project[] }>(call("/api/search/projects?q=private"))).items).toEqual([]);
    const still = await ok<Project>(caller(t, owner)(`/api/projects/${project.id}`));
    expect(still).toMatchObject({ name: "Private", isArchived: false, imageCount: 1 });
  });

  it("the owner gets 200 and a 404 for a project that does not exist", async () => {
    const call = caller(t, owner);
    expect((await call(`/api/projects/${project.id}`)).status).toBe(200);
    expect((await call(`/api/projects/${randomUUID()}`)).status).toBe(404);
    expect((await call(`/api/projects/not-a-uuid`)).status).toBe(404);
  });

  it("exports a streamed ZIP of the originals plus metadata.json and metadata.csv", async () => {
    const call = caller(t, owner);
    const p = await ok<Project>(call("/api/projects", { body: { name: "Export me!" } }), 201);
    const pngA = await makePng({ hue: 10 });
    const pngB = await makePng({ hue: 90 });
    const a = await storeImage(t, owner.user.id, pngA, { projectId: p.id, prompt: "first light" });
    const b = await storeImage(t, owner.user.id, pngB, { projectId: p.id, prompt: "second light" });
    await storeImage(t, owner.user.id, pngB, { prompt: "not in the project" });
    const res = await call(`/api/projects/${p.id}/export`, { method: "POST", body: {} });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="export-me-\d{4}-\d{2}-\d{2}\.zip"/);
    const files = unzip(Buffer.from(await res.arrayBuffer()));
    expect([...files.keys()].filter((n) => n.startsWith("metadata.")).sort()).toEqual(["metadata.csv", "metadata.json"]);
    expect(files.size).toBe(4);
    const meta = JSON.parse(files.get("metadata.json")!.toString()) as {
      id: string;
      fileName: string;
      projectId: string;
    }[];
    expect(meta.map((m) => m.id).sort()).toEqual([a.id, b.id].sort());
    for (const m of meta) expect(files.get(m.fileName)!.equals(m.id === a.id ? pngA : pngB)).toBe(true);
    // The CSV carries the same images as the JSON, one row each, under the metadata export's header.
    const csv = files.get("metadata.csv")!.toString("utf8");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const [header, ...rows] = csv.slice(1).split("\r\n").filter(Boolean);
    const cols = header!.split(",");
    expect(cols.slice(0, 3)).toEqual(["id", "fileName", "prompt"]);
    expect(rows).toHaveLength(2);
    const cells = rows.map((r) => r.split(","));
    const byId = new Map(cells.map((c) => [c[cols.indexOf("id")], c]));
    expect([...byId.keys()].sort()).toEqual([a.id, b.id].sort());
    expect(byId.get(a.id)![cols.indexOf("prompt")]).toBe("first light");
    expect(byId.get(b.id)![cols.indexOf("prompt")]).toBe("second light");
    expect(byId.get(a.id)![cols.indexOf("projectId")]).toBe(p.id);
    for (const m of meta) expect(byId.get(m.id)![cols.indexOf("fileName")]).toBe(m.fileName);
    const empty = await ok<Project>(call("/api/projects", { body: { name: "Empty" } }), 201);
    expect((await call(`/api/projects/${empty.id}/export`, { method: "POST", body: {} })).status).toBe(400);
  });

  it("duplicates settings and image membership without copying the originals", async () => {
    const call = caller(t, owner);
    const p = await ok<Project>(
      call("/api/projects", {
        body: {
          name: "Source",
          tags: ["x"],
          settings: { defaultModelId: "local/sketch", defaultParameters: { steps: 8 } },
        },
      }),
      201,
    );
    const img = await storeImage(t, owner.user.id, await makePng({ hue: 200 }), { projectId: p.id });
    const copyId = randomUUID();
    const copy = await ok<Project>(call(`/api/projects/${p.id}/duplicate`, { body: { id: copyId } }), 201);
    expect(copy).toMatchObject({ id: copyId, name: "Source (copy)", tags: ["x"], settings: p.settings, imageCount: 1 });
    const replay = await ok<Project>(call(`/api/projects/${p.id}/duplicate`, { body: { id: copyId } }), 200);
    expect(replay.imageCount).toBe(1);
    const list = await ok<ImageList>(call(`/api/projects/${copyId}/images`));
    const copied = list.items[0]!;
    expect(copied.id).not.toBe(img.id);
    const detail = await ok<{ metadata: { copiedFrom?: string } }>(call(`/api/images/${copied.id}`));
    expect(detail.metadata.copiedFrom).toBe(img.id);
    const orig = await call(`/api/images/${copied.id}/file/original`);
    expect(orig.status).toBe(200);
    expect(await t.deps.storage.head(originalKey(owner.user.id, copied.id, "png"))).toBeNull();
    expect(await t.deps.storage.head(variantKey(owner.user.id, copied.id, "thumb-256.webp"))).not.toBeNull();
    expect((await ok<Project>(call(`/api/projects/${p.id}`))).imageCount).toBe(1);
  });
});
