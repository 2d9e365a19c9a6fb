import type { Lineage, RelatedImages, SimilarImage } from "@image-studio/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type SignedUpUser, signUp, type TestApp } from "../harness";
import { caller, makePng, ok, storeImage } from "../images/fixtures";
import { teamWith } from "./helpers";

/**
 * The image page's similar / related / lineage panels for team members: answered within the shared project (any
 * role), never showing the owner's images outside it; an outsider gets 404 like for any other route.
 */
let t: TestApp;
let owner: SignedUpUser, outsider: SignedUpUser;
let members: SignedUpUser[];
const ids: Record<"root" | "inChild" | "outChild" | "grandchild", string> = { root: "", inChild: "", outChild: "", grandchild: "" };

beforeAll(async () => {
  t = await createTestApp();
  [owner, outsider] = await Promise.all([signUp(t), signUp(t)]);
  const made = await teamWith(t, owner, ["viewer", "editor", "admin"]);
  members = made.members;
  const project = await ok<{ id: string }>(caller(t, owner)("/api/projects", { body: { name: "Lighthouse" } }), 201);
  await ok(caller(t, owner)(`/api/teams/${made.team.id}/projects/${project.id}`, { method: "PUT", body: {} }));
  const png = await makePng({ hue: 120 }); // one picture: every copy is a near duplicate of the others
  const prompt = "a lighthouse in fog";
  const at = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, n));
  ids.root = (await storeImage(t, owner.user.id, png, { projectId: project.id, prompt, createdAt: at(1) })).id;
  ids.inChild = (await storeImage(t, owner.user.id, png, { projectId: project.id, prompt, parentImageId: ids.root, createdAt: at(2) })).id;
  ids.outChild = (await storeImage(t, owner.user.id, png, { projectId: null, prompt, parentImageId: ids.root, createdAt: at(3) })).id;
  ids.grandchild = (await storeImage(t, owner.user.id, png, { projectId: project.id, prompt, parentImageId: ids.outChild, createdAt: at(4) })).id;
}, 180_000);
afterAll(() => t?.close());

const get = <T>(u: SignedUpUser, path: string) => ok<T>(caller(t, u)(path));

describe("similar, related and lineage for members of a shared project", () => {
  it("the owner sees the whole library", async () => {
    const similar = await get<{ items: SimilarImage[] }>(owner, `/api/images/${ids.root}/similar`);
    expect(similar.items.map((i) => i.id).sort()).toEqual([ids.inChild, ids.outChild, ids.grandchild].sort());
    const tree = await get<Lineage>(owner, `/api/images/${ids.grandchild}/lineage`);
    expect(tree.nodes.map((n) => n.id).sort()).toEqual(Object.values(ids).sort());
  });

  it("every role sees them within the project only, and the tree stays one tree", async () => {
    for (const m of members) {
      const similar = await get<{ items: SimilarImage[] }>(m, `/api/images/${ids.root}/similar`);
      expect(similar.items.map((i) => i.id).sort()).toEqual([ids.inChild, ids.grandchild].sort());

      const related = await get<RelatedImages>(m, `/api/images/${ids.root}/related`);
      expect(related.children.map((i) => i.id)).toEqual([ids.inChild]);
      expect(related.samePrompt.map((i) => i.id).sort()).toEqual([ids.inChild, ids.grandchild].sort());
      const ofGrandchild = await get<RelatedImages>(m, `/api/images/${ids.grandchild}/related`);
      expect(ofGrandchild.parent).toBeNull(); // its parent lies outside the project

      const tree = await get<Lineage>(m, `/api/images/${ids.grandchild}/lineage`);
      expect(tree.rootId).toBe(ids.root);
      expect(tree.nodes.map((n) => n.id).sort()).toEqual([ids.root, ids.inChild, ids.grandchild].sort());
      expect(tree.nodes.find((n) => n.id === ids.grandchild)).toMatchObject({ parentImageId: ids.root, depth: 1 });
      const shown = [...similar.items, ...Object.values(related).flat(), ...Object.values(ofGrandchild).flat(), ...tree.nodes].filter(Boolean).map((i) => (i as { id: string }).id);
      expect(shown).not.toContain(ids.outChild);
    }
  });

  it("an image outside the project, and any image for an outsider, answers 404", async () => {
    for (const path of ["similar", "related", "lineage"]) {
      expect((await caller(t, members[0]!)(`/api/images/${ids.outChild}/${path}`)).status).toBe(404);
      expect((await caller(t, outsider)(`/api/images/${ids.root}/${path}`)).status).toBe(404);
    }
  });
});
