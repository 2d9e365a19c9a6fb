import type { ImageComment, ImageDetail, ImageList, Notification, ProjectAccess } from "@image-studio/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type SignedUpUser, signUp, type TestApp } from "../harness";
import { caller, makePng, ok, storeImage } from "../images/fixtures";
import { sharedProject, teamWith } from "./helpers";

let t: TestApp;
let owner: SignedUpUser, viewer: SignedUpUser, editor: SignedUpUser, admin: SignedUpUser, outsider: SignedUpUser;
let teamId: string, projectId: string, imageId: string, privateImage: string;

beforeAll(async () => {
  t = await createTestApp();
  [owner, outsider] = await Promise.all([signUp(t, { name: "Olivia Owner" }), signUp(t)]);
  const made = await teamWith(t, owner, ["viewer", "editor", "admin"]);
  [viewer, editor, admin] = made.members as [SignedUpUser, SignedUpUser, SignedUpUser];
  teamId = made.team.id;
  ({ projectId, imageId } = await sharedProject(t, owner, teamId));
  privateImage = (await storeImage(t, owner.user.id, await makePng({ hue: 90 }), { prompt: "not shared" })).id;
});
afterAll(() => t?.close());

const status = async (u: SignedUpUser, path: string, init: { method?: string; body?: unknown } = {}) => (await caller(t, u)(path, init)).status;

describe("roles on a shared project's images", () => {
  it("every member sees the project, its images, files and downloads; an outsider gets 404", async () => {
    for (const m of [viewer, editor, admin]) {
      expect((await ok<{ name: string }>(caller(t, m)(`/api/projects/${projectId}`))).name).toBe("Harbour");
      expect((await ok<ImageList>(caller(t, m)(`/api/projects/${projectId}/images`))).items.map((i) => i.id)).toEqual([imageId]);
      expect((await ok<ImageList>(caller(t, m)(`/api/images?projectId=${projectId}`))).items.map((i) => i.id)).toEqual([imageId]);
      expect((await ok<ImageDetail>(caller(t, m)(`/api/images/${imageId}`))).id).toBe(imageId);
      expect(await status(m, `/api/images/${imageId}/file/thumb-256`)).toBe(200);
      expect(await status(m, `/api/images/download/${imageId}`)).toBe(200);
      expect(await status(m, `/api/images/${imageId}/metadata`)).toBe(200);
      expect(await status(m, `/api/projects/${projectId}/export`, { method: "POST" })).toBe(200);
      // Nothing of the owner's outside the shared project.
      expect(await status(m, `/api/images/${privateImage}`)).toBe(404);
      expect(await status(m, `/api/images/${privateImage}/file/thumb-256`)).toBe(404);
      expect((await ok<ImageList>(caller(t, m)("/api/images"))).items).toEqual([]);
    }
    for (const path of [`/api/projects/${projectId}`, `/api/projects/${projectId}/images`, `/api/images/${imageId}`, `/api/images/${imageId}/file/thumb-256`, `/api/images/download/${imageId}`, `/api/images/${imageId}/comments`, `/api/teams/projects/${projectId}`])
      expect(await status(outsider, path)).toBe(404);
    expect((await ok<ImageList>(caller(t, outsider)(`/api/images?projectId=${projectId}`))).items).toEqual([]);
  });

  it("viewers cannot edit; editors edit metadata but not move; owner-only actions stay the owner's", async () => {
    expect(await status(viewer, `/api/images/${imageId}`, { method: "PATCH", body: { notes: "Viewer was here" } })).toBe(404);
    expect(await status(viewer, `/api/images/${imageId}/rate`, { method: "POST", body: { rating: 2 } })).toBe(404);
    expect(await status(viewer, `/api/images/${imageId}`, { method: "DELETE" })).toBe(404);
    const edited = await ok<ImageDetail>(caller(t, editor)(`/api/images/${imageId}`, { method: "PATCH", body: { notes: "Dawn harbour" } }));
    expect(edited.notes).toBe("Dawn harbour");
    expect((await ok<ImageDetail>(caller(t, owner)(`/api/images/${imageId}`))).notes).toBe("Dawn harbour");
    await ok(caller(t, editor)(`/api/images/${imageId}/rate`, { body: { rating: 4 } }));
    expect(await status(editor, `/api/images/${imageId}`, { method: "PATCH", body: { projectId: null } })).toBe(403);
    expect(await status(editor, `/api/images/${imageId}`, { method: "PATCH", body: { isFavorite: true } })).toBe(403);
    expect(await status(editor, `/api/images/${imageId}/favorite`, { method: "POST", body: { favorite: true } })).toBe(404);
    expect(await status(admin, `/api/projects/${projectId}`, { method: "PUT", body: { name: "Taken" } })).toBe(404);
    expect(await status(admin, `/api/projects/${projectId}`, { method: "DELETE" })).toBe(404);
    expect((await ok<ImageDetail>(caller(t, owner)(`/api/images/${imageId}`))).projectId).toBe(projectId);
  });

  it("an editor removes an image from the project; a viewer cannot", async () => {
    const extra = await storeImage(t, owner.user.id, await makePng({ hue: 10 }), { projectId });
    expect(await status(viewer, `/api/projects/${projectId}/images/${extra.id}`, { method: "DELETE" })).toBe(404);
    await ok(caller(t, editor)(`/api/projects/${projectId}/images/${extra.id}`, { method: "DELETE" }));
    expect((await ok<ImageDetail>(caller(t, owner)(`/api/images/${extra.id}`))).projectId).toBeNull();
    expect(await status(editor, `/api/images/${extra.id}`)).toBe(404); // out of the shared project: out of reach
  });

  it("reports each caller's role and the people who can see the project", async () => {
    const acc = await ok<ProjectAccess>(caller(t, viewer)(`/api/teams/projects/${projectId}`));
    expect(acc.myRole).toBe("viewer");
    expect(acc.teams.map((x) => x.id)).toEqual([teamId]);
    expect(acc.people.map((p) => p.role).sort()).toEqual(["admin", "editor", "owner", "viewer"]);
    expect((await ok<ProjectAccess>(caller(t, owner)(`/api/teams/projects/${projectId}`))).myRole).toBe("owner");
  });

  it("unsharing closes every route at once", async () => {
    const second = await sharedProject(t, owner, teamId, "Second");
    expect(await status(viewer, `/api/images/${second.imageId}`)).toBe(200);
    expect(await status(viewer, `/api/teams/${teamId}/projects/${second.projectId}`, { method: "DELETE" })).toBe(403);
    await ok(caller(t, admin)(`/api/teams/${teamId}/projects/${second.projectId}`, { method: "DELETE" }));
    for (const path of [`/api/images/${second.imageId}`, `/api/images/${second.imageId}/file/thumb-256`, `/api/projects/${second.projectId}/images`])
      expect(await status(viewer, path)).toBe(404);
    // Only the owner shares, and only with a team they belong to.
    expect(await status(admin, `/api/teams/${teamId}/projects/${second.projectId}`, { method: "PUT", body: {} })).toBe(404);
    expect(await status(outsider, `/api/teams/${teamId}/projects/${second.projectId}`, { method: "PUT", body: {} })).toBe(404);
  });
});

describe("comments for collaborators", () => {
  const bell = async (u: SignedUpUser) => (await ok<{ items: Notification[] }>(caller(t, u)("/api/notifications"))).items;

  it("members read and write comments; @mentions notify the member, the owner hears of new ones", async () => {
    const mine = await ok<ImageComment>(caller(t, viewer)(`/api/images/${imageId}/comments`, { body: { text: `Lovely light, @${editor.user.name} can you warm it up?` } }), 201);
    expect(mine.isOwn).toBe(true);
    const seen = await ok<{ items: ImageComment[] }>(caller(t, editor)(`/api/images/${imageId}/comments`));
    expect(seen.items.find((c) => c.id === mine.id)).toMatchObject({ isOwn: false, authorName: viewer.user.name });
    expect((await bell(editor)).find((n) => n.kind === "comment.mention")).toMatchObject({ link: `/images/${imageId}`, data: expect.objectContaining({ commentId: mine.id }) });
    expect((await bell(owner)).find((n) => n.kind === "comment.new" && n.data.commentId === mine.id)).toBeTruthy();
    expect((await bell(admin)).some((n) => n.kind.startsWith("comment."))).toBe(false);

    // Mentioning the owner tells them once, as a mention.
    const toOwner = await ok<ImageComment>(caller(t, admin)(`/api/images/${imageId}/comments`, { body: { text: "@olivia owner approved?" } }), 201);
    const forIt = (await bell(owner)).filter((n) => n.data.commentId === toOwner.id);
    expect(forIt.map((n) => n.kind)).toEqual(["comment.mention"]);

    // Only the author edits or deletes; an outsider sees nothing.
    expect(await status(editor, `/api/images/${imageId}/comments/${mine.id}`, { method: "PUT", body: { text: "hijack" } })).toBe(404);
    expect(await status(editor, `/api/images/${imageId}/comments/${mine.id}`, { method: "DELETE" })).toBe(404);
    await ok(caller(t, viewer)(`/api/images/${imageId}/comments/${mine.id}`, { method: "PUT", body: { text: "Lovely light" } }));
    expect(await status(outsider, `/api/images/${imageId}/comments`, { method: "POST", body: { text: "hi" } })).toBe(404);
    expect((await bell(outsider)).length).toBe(0);
  });

  it("a mention of someone without access notifies no one", async () => {
    const c = await ok<ImageComment>(caller(t, editor)(`/api/images/${imageId}/comments`, { body: { text: `@${outsider.user.name} look` } }), 201);
    expect((await bell(outsider)).some((n) => n.data.commentId === c.id)).toBe(false);
  });
});
