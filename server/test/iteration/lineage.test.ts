import { jobSchema, LINEAGE_MAX_DEPTH, lineageSchema } from "@image-studio/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertRow } from "../images/fixtures";
import { signUp, type TestApp } from "../harness";
import { caller, finished, makePng, storeImage, startWithWorker } from "./helpers";

describe("GET /api/images/:id/lineage", () => {
  let t: TestApp;
  let stop: () => Promise<void>;
  beforeAll(async () => void ({ t, stop } = await startWithWorker()));
  afterAll(() => stop());

  it("returns ancestors and descendants across several generations of derivation", async () => {
    const u = await signUp(t);
    const call = caller(t, u);
    const root = await storeImage(t, u.user.id, await makePng({ width: 64, height: 64 }), { prompt: "root" });
    const derive = async (id: string, path: string, body: unknown) => {
      const job = jobSchema.parse(await (await call(`/api/images/${id}/${path}`, { body })).json());
      const done = await finished(t, u, job.id);
      expect(done.status).toBe("completed");
      return done.imageIds;
    };
    const [v1, v2] = await derive(root.id, "variation", { count: 2 });
    const [up] = await derive(v1!, "upscale", { scale: 2 });
    const [remix] = await derive(up!, "remix", { prompt: "remixed" });
    const [cut] = await derive(remix!, "remove-background", {});

    const res = await call(`/api/images/${remix}/lineage`);
    expect(res.status).toBe(200);
    const tree = lineageSchema.parse(await res.json());
    expect(tree.rootId).toBe(root.id);
    expect(tree.ancestors).toEqual([root.id, v1, up]);
    const byId = new Map(tree.nodes.map((n) => [n.id, n]));
    expect(tree.nodes).toHaveLength(6);
    expect(byId.get(v2!)).toMatchObject({ parentImageId: root.id, operation: "variation", depth: 1 });
    expect(byId.get(up!)).toMatchObject({ parentImageId: v1, operation: "upscale", depth: 2 });
    expect(byId.get(remix!)).toMatchObject({
      parentImageId: up,
      operation: "image-to-image",
      prompt: "remixed",
      depth: 3,
    });
    expect(byId.get(cut!)).toMatchObject({ parentImageId: remix, operation: "remove-background", depth: 4 });
    expect(tree.truncated).toBe(false);

    // The same tree from the root and from a leaf.
    const fromRoot = lineageSchema.parse(await (await call(`/api/images/${root.id}/lineage`)).json());
    expect(fromRoot.ancestors).toEqual([]);
    expect(new Set(fromRoot.nodes.map((n) => n.id))).toEqual(new Set(tree.nodes.map((n) => n.id)));
  });

  it("stays inside the owner's images and caps the depth", async () => {
    const a = await signUp(t);
    const b = await signUp(t);
    const mine = await insertRow(t, a.user.id);
    // Someone else's image claiming to descend from mine never shows up.
    await insertRow(t, b.user.id, { parentImageId: mine.id });
    let parent = mine.id;
    const chain = [mine.id];
    for (let i = 0; i < LINEAGE_MAX_DEPTH + 5; i++) {
      parent = (await insertRow(t, a.user.id, { parentImageId: parent, operation: "variation" })).id;
      chain.push(parent);
    }
    const tree = lineageSchema.parse(await (await caller(t, a)(`/api/images/${mine.id}/lineage`)).json());
    expect(tree.nodes.every((n) => chain.includes(n.id))).toBe(true);
    expect(tree.nodes).toHaveLength(LINEAGE_MAX_DEPTH + 1);
    expect(tree.truncated).toBe(true);
    const deep = lineageSchema.parse(await (await caller(t, a)(`/api/images/${parent}/lineage`)).json());
    expect(deep.ancestors).toHaveLength(LINEAGE_MAX_DEPTH);
    expect(deep.truncated).toBe(true);
  });
});
