import type { BulkResult, ImageList } from "@image-studio/shared";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { imageComments, images } from "../../src/db/schema";
import { createTestApp, type SignedUpUser, signUp, type TestApp } from "../harness";
import { caller, makePng, ok, storeImage } from "./fixtures";

interface Case {
  name: string;
  method: string;
  path: (id: string, commentId: string) => string;
  body?: Record<string, unknown>;
  owner: number;
}

/** Every endpoint that addresses one image: the owner gets `owner`, another user 404, anonymous 401. */
const CASES: Case[] = [
  { name: "read", method: "GET", path: (id) => `/api/images/${id}`, owner: 200 },
  { name: "update", method: "PUT", path: (id) => `/api/images/${id}`, body: { rating: 3 }, owner: 200 },
  { name: "patch", method: "PATCH", path: (id) => `/api/images/${id}`, body: { notes: "x" }, owner: 200 },
  { name: "trash", method: "DELETE", path: (id) => `/api/images/${id}`, owner: 200 },
  { name: "restore", method: "POST", path: (id) => `/api/images/${id}/restore`, owner: 200 },
  { name: "delete forever", method: "DELETE", path: (id) => `/api/images/${id}/permanent`, owner: 200 },
  { name: "favorite", method: "POST", path: (id) => `/api/images/${id}/favorite`, body: { favorite: true }, owner: 200 },
  { name: "rate", method: "POST", path: (id) => `/api/images/${id}/rate`, body: { rating: 4 }, owner: 200 },
  { name: "metadata", method: "GET", path: (id) => `/api/images/${id}/metadata`, owner: 200 },
  { name: "original", method: "GET", path: (id) => `/api/images/${id}/file/original`, owner: 200 },
  { name: "thumbnail", method: "GET", path: (id) => `/api/images/${id}/file/thumb-256`, owner: 200 },
  { name: "preview", method: "GET", path: (id) => `/api/images/${id}/file/preview-768`, owner: 200 },
  { name: "download", method: "GET", path: (id) => `/api/images/download/${id}`, owner: 200 },
  { name: "similar", method: "GET", path: (id) => `/api/images/${id}/similar`, owner: 200 },
  { name: "related", method: "GET", path: (id) => `/api/images/${id}/related`, owner: 200 },
  { name: "list comments", method: "GET", path: (id) => `/api/images/${id}/comments`, owner: 200 },
  { name: "add comment", method: "POST", path: (id) => `/api/images/${id}/comments`, body: { text: "hi" }, owner: 201 },
  { name: "edit comment", method: "PUT", path: (id, c) => `/api/images/${id}/comments/${c}`, body: { text: "edited" }, owner: 200 },
  { name: "delete comment", method: "DELETE", path: (id, c) => `/api/images/${id}/comments/${c}`, owner: 200 },
];

/** Endpoints over many images: anonymous is 401; another user's ids are left alone. */
const BULK = ["bulk-delete", "bulk-restore", "bulk-purge", "bulk-favorite", "bulk-tag", "bulk-move"];

describe("authorization matrix: owner / another user / anonymous", () => {
  let t: TestApp;
  let owner: SignedUpUser;
  let other: SignedUpUser;
  let png: Buffer;
  const fresh = async () => {
    const img = await storeImage(t, owner.user.id, png, { deletedAt: null });
    const [c] = await t.deps.database.db.insert(imageComments).values({ imageId: img.id, userId: owner.user.id, commentText: "mine" }).returning();
    return { img, commentId: c!.id };
  };
  const snapshot = async (id: string) => (await t.deps.database.db.select().from(images).where(eq(images.id, id)))[0];

  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t);
    other = await signUp(t);
    png = await makePng({ hue: 200 });
  });
  afterAll(() => t.close());

  it.each(CASES)("$method $name", async ({ method, path, body, owner: expected }) => {
    const { img, commentId } = await fresh();
    const url = path(img.id, commentId);
    const anon = await caller(t, null)(url, { method, body });
    expect(anon.status).toBe(401);
    expect(((await anon.json()) as { error: { code: string } }).error.code).toBe("UNAUTHORIZED");
    const theirs = await caller(t, other)(url, { method, body });
    expect(theirs.status).toBe(404);
    const text = await theirs.text();
    expect(text).not.toContain(img.prompt);
    expect(JSON.parse(text).error.code).toBe("NOT_FOUND");
    expect(await snapshot(img.id)).toEqual(img); // untouched
    const own = await caller(t, owner)(url, { method, body });
    expect(own.status, await own.clone().text()).toBe(expected);
  });

  it("leaves another user's images alone in every bulk action, downloads and exports", async () => {
    const { img } = await fresh();
    const extra = { "bulk-favorite": { favorite: true }, "bulk-tag": { add: ["x"] }, "bulk-move": { projectId: null } } as Record<string, object>;
    for (const action of BULK) {
      const body = { imageIds: [img.id], ...extra[action] };
      expect((await caller(t, null)(`/api/images/${action}`, { method: "POST", body })).status).toBe(401);
      expect((await ok<BulkResult>(caller(t, other)(`/api/images/${action}`, { method: "POST", body }))).affected).toEqual([]);
    }
    expect(await snapshot(img.id)).toEqual(img);
    expect((await caller(t, other)("/api/images/bulk-download", { method: "POST", body: { imageIds: [img.id] } })).status).toBe(404);
    const exported = await caller(t, other)("/api/images/metadata/export", { method: "POST", body: { imageIds: [img.id] } });
    expect(await exported.json()).toEqual([]);
    expect((await caller(t, other)("/api/images/trash/empty", { method: "POST" })).status).toBe(200);
    expect(await snapshot(img.id)).toEqual(img);
  });

  it("answers 401 to anonymous requests on the collection endpoints, and never lists others' images", async () => {
    const { img } = await fresh();
    for (const [method, url] of [
      ["GET", "/api/images"],
      ["GET", "/api/search/images?q=x"],
      ["GET", "/api/images/duplicates"],
      ["GET", "/api/images/facets"],
      ["GET", "/api/images/trash/settings"],
      ["PUT", "/api/images/trash/settings"],
      ["POST", "/api/images/trash/empty"],
      ["POST", "/api/images/bulk-download"],
      ["POST", "/api/images/metadata/export"],
      ["GET", "/api/images/metadata/export"],
      ["GET", "/api/usage/storage"],
    ] as const) {
      const res = await caller(t, null)(url, { method, body: method === "GET" ? undefined : { autoDeleteDays: 3 } });
      expect(res.status, `${method} ${url}`).toBe(401);
    }
    const list = await ok<ImageList>(caller(t, other)("/api/images"));
    expect(list.items.map((i) => i.id)).not.toContain(img.id);
    const search = await ok<ImageList>(caller(t, other)(`/api/search/images?q=${encodeURIComponent(img.prompt)}`));
    expect(search.items).toEqual([]);
  });
});
