import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Collection, CollectionDetail } from "@image-studio/shared";
import { createTestApp, type SignedUpUser, signUp, type TestApp } from "../harness";
import { caller, insertRow, ok } from "../images/fixtures";

describe("collections API", () => {
  let t: TestApp;
  let u: SignedUpUser;
  let call: ReturnType<typeof caller>;
  const create = (body: Record<string, unknown>) => ok<CollectionDetail>(call("/api/collections", { body }), 201);
  const order = async (id: string) =>
    (await ok<CollectionDetail>(call(`/api/collections/${id}`))).images.map((i) => i.id);

  beforeAll(async () => {
    t = await createTestApp();
    u = await signUp(t);
    call = caller(t, u);
  });
  afterAll(() => t.close());

  it("creates, lists, updates and deletes a collection; a replayed id is harmless", async () => {
    const id = randomUUID();
    const c = await create({ id, name: "Blues", description: "cold" });
    expect(c).toMatchObject({ id, name: "Blues", description: "cold", isSmart: false, imageCount: 0, images: [] });
    expect((await ok<CollectionDetail>(call("/api/collections", { body: { id, name: "Again" } }))).name).toBe("Blues");
    const upd = await ok<CollectionDetail>(
      call(`/api/collections/${id}`, { method: "PUT", body: { name: "Deep blues" } }),
    );
    expect(upd.name).toBe("Deep blues");
    expect(upd.version).toBeGreaterThan(c.version);
    expect((await ok<{ items: Collection[] }>(call("/api/collections"))).items.map((i) => i.id)).toContain(id);
    await ok(call(`/api/collections/${id}`, { method: "DELETE" }));
    expect((await call(`/api/collections/${id}`)).status).toBe(404);
    expect((await call("/api/collections", { body: { description: "no name" } })).status).toBe(400);
  });

  it("answers a create under someone else's id as any unknown id (404), and leaves their collection alone", async () => {
    const id = randomUUID();
    await create({ id, name: "Mine" });
    const other = caller(t, await signUp(t));
    const taken = await other("/api/collections", { body: { id, name: "Theirs" } });
    expect(taken.status).toBe(404);
    const error = async (r: Response) => ({ ...((await r.json()) as { error: Record<string, unknown> }).error, requestId: undefined });
    expect(await error(taken)).toEqual(await error(await other(`/api/collections/${randomUUID()}`)));
    expect((await ok<CollectionDetail>(call(`/api/collections/${id}`))).name).toBe("Mine");
  });

  it("adds images in order, keeps an image in many collections, and uses the first as the cover", async () => {
    const [a, b, c] = [await insertRow(t, u.user.id), await insertRow(t, u.user.id), await insertRow(t, u.user.id)];
    const one = await create({ name: "One" });
    const two = await create({ name: "Two" });
    const added = await ok<CollectionDetail>(
      call(`/api/collections/${one.id}/images`, { body: { imageIds: [b.id, a.id, c.id] } }),
    );
    expect(added.images.map((i) => i.id)).toEqual([b.id, a.id, c.id]);
    expect(added).toMatchObject({ imageCount: 3, effectiveCoverImageId: b.id });
    await ok(call(`/api/collections/${one.id}/images`, { body: { imageIds: [a.id] } }));
    expect(await order(one.id)).toEqual([b.id, a.id, c.id]);
    await ok(call(`/api/collections/${two.id}/images`, { body: { imageIds: [a.id] } }));
    expect(await order(two.id)).toEqual([a.id]);
    const removed = await ok<CollectionDetail>(call(`/api/collections/${one.id}/images/${a.id}`, { method: "DELETE" }));
    expect(removed.images.map((i) => i.id)).toEqual([b.id, c.id]);
    expect((await call(`/api/collections/${one.id}/images/${a.id}`, { method: "DELETE" })).status).toBe(404);
    expect(await order(two.id)).toEqual([a.id]);
  });

  it("reorders by rewriting one rank", async () => {
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push((await insertRow(t, u.user.id)).id);
    const col = await create({ name: "Board" });
    const before = await ok<CollectionDetail>(call(`/api/collections/${col.id}/images`, { body: { imageIds: ids } }));
    const [a, b, c, d] = ids as [string, string, string, string];
    const moved = await ok<{ position: string }>(
      call(`/api/collections/${col.id}/reorder`, { method: "PUT", body: { imageId: d, afterImageId: a } }),
    );
    expect(await order(col.id)).toEqual([a, d, b, c]);
    const after = await ok<CollectionDetail>(call(`/api/collections/${col.id}`));
    const changed = after.images.filter((i) => before.images.find((x) => x.id === i.id)?.position !== i.position);
    expect(changed.map((i) => i.id)).toEqual([d]);
    expect(changed[0]!.position).toBe(moved.position);
    await ok(call(`/api/collections/${col.id}/reorder`, { method: "PUT", body: { imageId: c, afterImageId: null } }));
    expect(await order(col.id)).toEqual([c, a, d, b]);
    await ok(call(`/api/collections/${col.id}/reorder`, { method: "PUT", body: { imageId: c, afterImageId: b } }));
    expect(await order(col.id)).toEqual([a, d, b, c]);
    expect(
      (await call(`/api/collections/${col.id}/reorder`, { method: "PUT", body: { imageId: c, afterImageId: c } }))
        .status,
    ).toBe(400);
    expect(
      (
        await call(`/api/collections/${col.id}/reorder`, {
          method: "PUT",
          body: { imageId: randomUUID(), afterImageId: null },
        })
      ).status,
    ).toBe(404);
    expect((await call(`/api/collections/${col.id}/reorder`, { method: "PUT", body: { imageId: c } })).status).toBe(
      400,
    );
  });

  it("refuses unknown images and other users' images with nothing changed", async () => {
    const col = await create({ name: "Strict" });
    const mine = await insertRow(t, u.user.id);
    const other = await signUp(t);
    const theirs = await insertRow(t, other.user.id);
    for (const bad of [randomUUID(), theirs.id]) {
      expect((await call(`/api/collections/${col.id}/images`, { body: { imageIds: [mine.id, bad] } })).status).toBe(
        404,
      );
    }
    expect(await order(col.id)).toEqual([]);
    expect((await call("/api/collections", { body: { name: "x", coverImageId: theirs.id } })).status).toBe(404);
  });

  it("smart collections are the gallery query of their filter and update themselves", async () => {
    const tag = `smart-${randomUUID().slice(0, 6)}`;
    const x = await insertRow(t, u.user.id, { tags: [tag] });
    const col = await create({ name: "Smart", smartFilter: { tags: [tag] } });
    expect(col).toMatchObject({ isSmart: true, imageCount: 1, effectiveCoverImageId: x.id });
    const y = await insertRow(t, u.user.id, { tags: [tag, "more"] });
    expect(await order(col.id)).toEqual([y.id, x.id]);
    expect((await call(`/api/collections/${col.id}/images`, { body: { imageIds: [x.id] } })).status).toBe(400);
    const narrowed = await ok<CollectionDetail>(
      call(`/api/collections/${col.id}`, { method: "PUT", body: { smartFilter: { tags: [tag, "more"] } } }),
    );
    expect(narrowed.images.map((i) => i.id)).toEqual([y.id]);
    expect((await call("/api/collections", { body: { name: "bad", smartFilter: { minRating: 9 } } })).status).toBe(400);
  });

  it("authorization matrix: anonymous 401, another user 404 with nothing changed", async () => {
    const col = await create({ name: "Mine" });
    const img = await insertRow(t, u.user.id);
    await ok(call(`/api/collections/${col.id}/images`, { body: { imageIds: [img.id] } }));
    const routes: [string, string, unknown?][] = [
      ["GET", `/api/collections/${col.id}`],
      ["PUT", `/api/collections/${col.id}`, { name: "Taken" }],
      ["DELETE", `/api/collections/${col.id}`],
      ["POST", `/api/collections/${col.id}/images`, { imageIds: [img.id] }],
      ["DELETE", `/api/collections/${col.id}/images/${img.id}`],
      ["PUT", `/api/collections/${col.id}/reorder`, { imageId: img.id, afterImageId: null }],
    ];
    const anon = caller(t, null);
    for (const [method, path, body] of [
      ["GET", "/api/collections"],
      ["POST", "/api/collections", { name: "x" }],
      ...routes,
    ] as [string, string, unknown?][]) {
      expect((await anon(path, { method, body })).status, `${method} ${path}`).toBe(401);
    }
    const other = caller(t, await signUp(t));
    for (const [method, path, body] of routes)
      expect((await other(path, { method, body })).status, `${method} ${path}`).toBe(404);
    expect((await ok<{ items: Collection[] }>(other("/api/collections"))).items).toEqual([]);
    expect(await order(col.id)).toEqual([img.id]);
    expect((await ok<CollectionDetail>(call(`/api/collections/${col.id}`))).name).toBe("Mine");
  });
});
