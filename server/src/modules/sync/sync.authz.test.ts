import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/harness";
import { delivered, mid, syncUser } from "./sync.testing";

describe("sync authorization", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it("answers 401 to anonymous pulls and pushes", async () => {
    const headers = { "content-type": "application/json", origin: "http://localhost:3000" };
    expect((await t.request("/api/sync/pull")).status).toBe(401);
    const body = JSON.stringify({ mutations: [{ id: mid(), type: "image.trash", imageIds: [mid()] }] });
    expect((await t.request("/api/sync/push", { method: "POST", headers, body })).status).toBe(401);
  });

  it("never lets one user see or change another's rows: every mutation on them is NOT_FOUND and nothing moves", async () => {
    const owner = await syncUser(t);
    const other = await syncUser(t);
    const img = await owner.image({ notes: "mine" });
    const trashed = await owner.image();
    const projectId = mid();
    const collectionId = mid();
    const promptId = mid();
    await owner.push([
      { id: mid(), type: "project.create", project: { id: projectId, name: "Mine" } },
      { id: mid(), type: "collection.create", collection: { id: collectionId, name: "Mine" } },
      { id: mid(), type: "collection.addImages", collectionId, imageIds: [img, trashed] },
      { id: mid(), type: "prompt.create", prompt: { id: promptId, title: "Mine", promptText: "mine" } },
      { id: mid(), type: "image.trash", imageIds: [trashed] },
    ]);
    const before = await owner.pullAll();

    const ownImage = await other.image();
    const attempts = [
      { type: "image.update", imageId: img, patch: { notes: "theirs" } },
      { type: "image.trash", imageIds: [img] },
      { type: "image.restore", imageIds: [trashed] },
      { type: "image.move", imageIds: [img], projectId: null },
      { type: "image.move", imageIds: [ownImage], projectId },
      { type: "project.update", projectId, patch: { name: "theirs" } },
      { type: "collection.update", collectionId, patch: { name: "theirs" } },
      { type: "collection.delete", collectionId },
      { type: "collection.addImages", collectionId, imageIds: [ownImage] },
      { type: "collection.removeImage", collectionId, imageId: img },
      { type: "collection.reorder", collectionId, imageId: trashed, afterImageId: null },
      { type: "prompt.update", promptId, patch: { title: "theirs" } },
      { type: "prompt.delete", promptId },
      { type: "generation.enqueue", request: { prompt: "into their project", modelId: "local/sketch", projectId } },
    ].map((m) => ({ id: mid(), ...m }));
    const results = await other.push(attempts);
    expect(results.map((r) => `${attempts[results.indexOf(r)]!.type}:${r.status}:${r.error?.code}`)).toEqual(
      attempts.map((m) => `${m.type}:rejected:NOT_FOUND`),
    );
    // Creating with someone else's id is refused as any unknown id (NOT_FOUND, never "taken"), not a takeover.
    const creates = await other.push([
      { id: mid(), type: "project.create", project: { id: projectId, name: "theirs" } },
      { id: mid(), type: "collection.create", collection: { id: collectionId, name: "theirs" } },
      { id: mid(), type: "prompt.create", prompt: { id: promptId, title: "theirs", promptText: "x" } },
    ]);
    expect(creates.map((r) => `${r.status}:${r.error?.code}`)).toEqual(["rejected:NOT_FOUND", "rejected:NOT_FOUND", "rejected:NOT_FOUND"]);

    // Nothing of the owner's changed (no new versions), and the other user's pull holds only their own image.
    const after = await owner.pull(before.cursor);
    expect(delivered([after])).toEqual([]);
    const theirs = await other.pullAll();
    expect(delivered(theirs.pages).map((r) => r.id)).toEqual([ownImage]);
    expect(theirs.pages.flatMap((p) => p.jobs)).toEqual([]);
  });

  it("keeps tombstones to their owner", async () => {
    const owner = await syncUser(t);
    const other = await syncUser(t);
    const promptId = mid();
    await owner.push([
      { id: mid(), type: "prompt.create", prompt: { id: promptId, title: "x", promptText: "y" } },
      { id: mid(), type: "prompt.delete", promptId },
    ]);
    expect((await owner.pull()).tombstones.map((x) => x.id)).toEqual([promptId]);
    expect((await other.pull()).tombstones).toEqual([]);
  });

  it("keeps replay records per user: another user's mutation id is not their result", async () => {
    const a = await syncUser(t);
    const b = await syncUser(t);
    const id = mid();
    const promptA = mid();
    const promptB = mid();
    const [ra] = await a.push([{ id, type: "prompt.create", prompt: { id: promptA, title: "a", promptText: "a" } }]);
    const [rb] = await b.push([{ id, type: "prompt.create", prompt: { id: promptB, title: "b", promptText: "b" } }]);
    expect([ra!.entityId, rb!.entityId]).toEqual([promptA, promptB]);
  });
});
