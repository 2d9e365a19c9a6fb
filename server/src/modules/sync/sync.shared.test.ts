import { type ImageDetail, type SyncSharedImages, syncSharedImagesSchema, type TeamRole } from "@image-studio/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ok } from "../../../test/images/fixtures";
import { createTestApp, type TestApp } from "../../../test/harness";
import { join, sharedProject, teamWith } from "../../../test/teams/helpers";
import { mid, type SyncUser, syncUser } from "./sync.testing";

/** A team member's offline copy of the projects shared with them: pull lists them, shared/:id brings their images. */
describe("sync of shared projects", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const asUser = (u: Awaited<ReturnType<typeof teamWith>>["members"][number]) => syncUser(t, u);
  const sharedList = async (u: SyncUser) => (await u.pullAll()).pages.at(-1)!.shared ?? [];
  const readShared = async (u: SyncUser, projectId: string, after?: string) => {
    const res = await u.call(`/api/sync/shared/${projectId}${after ? `?after=${after}` : ""}`);
    expect(res.status, await res.clone().text()).toBe(200);
    return syncSharedImagesSchema.parse(await res.json());
  };

  async function setup(roles: TeamRole[]) {
    const owner = await syncUser(t);
    const made = await teamWith(t, owner.u, roles);
    const shared = await sharedProject(t, owner.u, made.team.id, "Harbour");
    const members = await Promise.all(made.members.map(asUser));
    return { owner, teamId: made.team.id, members, ...shared };
  }

  it("carries each member's shared project with the owner's name and their role, and its images; nobody else's", async () => {
    const { owner, members, projectId, imageId } = await setup(["viewer", "editor", "admin"]);
    const outsider = await syncUser(t);
    const ownerName = owner.u.user.name;
    for (const [n, role] of (["viewer", "editor", "admin"] as const).entries()) {
      const list = await sharedList(members[n]!);
      expect(list.map((s) => [s.project.id, s.project.name, s.project.shared.role, s.project.shared.ownerName, s.project.imageCount])).toEqual([[projectId, "Harbour", role, ownerName, 1]]);
      const read = await readShared(members[n]!, projectId);
      expect(read.images.map((i) => [i.id, i.prompt])).toEqual([[imageId, "a harbour at dawn"]]);
      expect(read.imageIds).toEqual([imageId]);
      expect(list[0]!.imagesVersion).toBe(read.images[0]!.version);
      // Own rows still come only from the member's own feed.
      expect((await members[n]!.pullAll()).pages.flatMap((p) => p.images)).toEqual([]);
    }
    expect(await sharedList(outsider)).toEqual([]);
    expect((await outsider.call(`/api/sync/shared/${projectId}`)).status).toBe(404);
    expect(await sharedList(owner)).toEqual([]); // the owner's own project is in their own feed
  });

  it("reads only what changed since the device's cursor, and lists the live images so moved-out ones leave", async () => {
    const { owner, members, projectId, imageId } = await setup(["viewer"]);
    const viewer = members[0]!;
    const second = await owner.image({ projectId, prompt: "a second boat" });
    const first = await readShared(viewer, projectId);
    expect(new Set(first.imageIds)).toEqual(new Set([imageId, second]));
    const again = await readShared(viewer, projectId, first.cursor);
    expect(again.images).toEqual([]);
    expect(new Set(again.imageIds)).toEqual(new Set([imageId, second]));

    await owner.push([{ id: mid(), type: "image.update", imageId, patch: { notes: "low tide" } }]);
    await owner.push([{ id: mid(), type: "image.move", imageIds: [second], projectId: null }]);
    const [listed] = await sharedList(viewer);
    expect(listed!.project.imageCount).toBe(1);
    expect(listed!.imagesVersion).toBeGreaterThan(Number(first.cursor));
    const changed = await readShared(viewer, projectId, first.cursor);
    expect(changed.images.map((i: ImageDetail) => [i.id, i.notes])).toEqual([[imageId, "low tide"]]);
    expect(changed.imageIds).toEqual([imageId]);
    // A cursor no server handed out (past PostgreSQL's bigint) is a 400, not a 500.
    expect((await viewer.call(`/api/sync/shared/${projectId}?after=9999999999999999999`)).status).toBe(400);
  });

  it("pages a large project by version and lists the ids on the last page only", async () => {
    const { owner, members, projectId } = await setup(["viewer"]);
    for (let n = 0; n < 4; n++) await owner.image({ projectId });
    const pages: SyncSharedImages[] = [];
    let after: string | undefined;
    do {
      const res = await members[0]!.call(`/api/sync/shared/${projectId}?limit=2${after ? `&after=${after}` : ""}`);
      pages.push(syncSharedImagesSchema.parse(await res.json()));
      after = pages.at(-1)!.cursor;
    } while (pages.at(-1)!.hasMore);
    expect(pages.map((p) => p.images.length)).toEqual([2, 2, 1]);
    expect(pages.map((p) => p.imageIds?.length ?? null)).toEqual([null, null, 5]);
    expect(new Set(pages.flatMap((p) => p.images.map((i) => i.id)))).toEqual(new Set(pages.at(-1)!.imageIds));
  });

  it("drops the project from the member's list when it is unshared or the member leaves the team", async () => {
    const { owner, teamId, members, projectId } = await setup(["viewer", "editor"]);
    const [viewer, editor] = members as [SyncUser, SyncUser];
    await ok(owner.call(`/api/teams/${teamId}/members/${viewer.id}`, { method: "DELETE" }));
    expect(await sharedList(viewer)).toEqual([]);
    expect((await viewer.call(`/api/sync/shared/${projectId}`)).status).toBe(404);
    expect((await sharedList(editor)).map((s) => s.project.id)).toEqual([projectId]);

    await ok(owner.call(`/api/teams/${teamId}/projects/${projectId}`, { method: "DELETE" }));
    expect(await sharedList(editor)).toEqual([]);
    expect((await editor.call(`/api/sync/shared/${projectId}`)).status).toBe(404);

    // Shared again later: it comes back, whatever the member's cursor.
    await join(t, owner.u, viewer.u, teamId, "viewer");
    await ok(owner.call(`/api/teams/${teamId}/projects/${projectId}`, { method: "PUT", body: {} }));
    expect((await sharedList(viewer)).map((s) => s.project.id)).toEqual([projectId]);
  });

  it("refuses a viewer's edit of a shared image without losing the rest of the batch", async () => {
    const { owner, members, imageId } = await setup(["viewer"]);
    const viewer = members[0]!;
    const promptId = mid();
    const results = await viewer.push([
      { id: mid(), type: "image.update", imageId, patch: { rating: 5, notes: "mine now" } },
      { id: mid(), type: "prompt.create", prompt: { id: promptId, title: "Kept", promptText: "still sent" } },
    ]);
    expect(results.map((r) => [r.status, r.error?.code])).toEqual([
      ["rejected", "NOT_FOUND"],
      ["applied", undefined],
    ]);
    const image = await ok<ImageDetail>(owner.call(`/api/images/${imageId}`));
    expect([image.rating, image.notes]).toEqual([null, ""]);
    expect((await viewer.pullAll()).pages.flatMap((p) => p.prompts).map((p) => p.id)).toEqual([promptId]);
  });

  it("applies an editor's metadata edits in the owner's copy, and refuses what the editor role cannot do", async () => {
    const { owner, members, projectId, imageId } = await setup(["editor"]);
    const editor = members[0]!;
    const results = await editor.push([
      { id: mid(), type: "image.update", imageId, patch: { rating: 4, tagsAdd: ["boats"], notes: "golden hour", altText: "Boats at dawn" } },
      { id: mid(), type: "image.update", imageId, patch: { isFavorite: true } },
      { id: mid(), type: "image.update", imageId, patch: { projectId: null } },
    ]);
    expect(results.map((r) => [r.status, r.error?.code])).toEqual([
      ["applied", undefined],
      ["rejected", "FORBIDDEN"],
      ["rejected", "FORBIDDEN"],
    ]);
    const image = await ok<ImageDetail>(owner.call(`/api/images/${imageId}`));
    expect([image.rating, image.tags, image.notes, image.altText, image.isFavorite, image.projectId]).toEqual([4, ["boats"], "golden hour", "Boats at dawn", false, projectId]);
    expect(results[0]!.version).toBe(image.version);
    // The owner's device gets the edit through their own feed; the editor's through the shared read.
    expect((await owner.pullAll()).pages.flatMap((p) => p.images).find((i) => i.id === imageId)?.rating).toBe(4);
    expect((await readShared(editor, projectId)).images[0]!.rating).toBe(4);
  });
});
