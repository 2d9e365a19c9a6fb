import { type ImageDetail, type ImageList, type Job, jobSchema } from "@image-studio/shared";
import { eq, inArray } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creditTransactions, generationQueue, images, usageLogs, users } from "../../src/db/schema";
import { Worker } from "../../src/jobs/worker";
import { waitFor } from "../factories";
import { createTestApp, type SignedUpUser, signUp, type TestApp } from "../harness";
import { caller, makePng, ok, storeImage } from "../images/fixtures";
import { upload } from "../iteration/helpers";
import { teamWith } from "./helpers";

/**
 * Editors and admins generate and iterate into a project shared with their team: they pay, the images are the
 * owner's (in the project, in the owner's gallery) with the member recorded as their maker. Viewers and
 * strangers get 404, as for an unknown project or image.
 */

let t: TestApp;
let owner: SignedUpUser, viewer: SignedUpUser, editor: SignedUpUser, admin: SignedUpUser, outsider: SignedUpUser;
let teamId: string, projectId: string, imageId: string;
let worker: Worker | undefined;

const db = () => t.deps.database.db;
const balance = async (u: SignedUpUser) => (await db().select({ b: users.creditsBalance }).from(users).where(eq(users.id, u.user.id)))[0]!.b;
const status = async (u: SignedUpUser, path: string, body: unknown) => (await caller(t, u)(path, { body })).status;
const queue = async (u: SignedUpUser, path: string, body: unknown) => jobSchema.parse(await ok<Job>(caller(t, u)(path, { body }), 202));

/** Runs the worker until every job named is finished; returns the rows. */
async function settle(ids: string[]) {
  worker ??= new Worker(t.deps, { concurrency: 3, userConcurrency: 10, pollMs: 20, idleMs: 50 });
  worker.start();
  return waitFor(async () => {
    const rows = await db().select().from(generationQueue).where(inArray(generationQueue.id, ids));
    return rows.length === ids.length && rows.every((r) => ["completed", "failed", "cancelled"].includes(r.status)) ? rows : null;
  }, 30_000);
}

beforeAll(async () => {
  // A worker runs here: no other file's jobs in its line.
  t = await createTestApp({}, { ownDatabase: true });
  [owner, outsider] = await Promise.all([signUp(t, { name: "Olivia Owner" }), signUp(t)]);
  const made = await teamWith(t, owner, ["viewer", "editor", "admin"]);
  [viewer, editor, admin] = made.members as [SignedUpUser, SignedUpUser, SignedUpUser];
  teamId = made.team.id;
  const project = await ok<{ id: string }>(
    caller(t, owner)("/api/projects", { body: { name: "Harbour", settings: { promptPrefix: "watercolour", defaultModelId: "local/sketch", defaultParameters: { steps: 12 } } } }),
    201,
  );
  projectId = project.id;
  imageId = (await storeImage(t, owner.user.id, await makePng({ width: 64, height: 64, hue: 30 }), { projectId, prompt: "a harbour at dawn", parameters: { seed: 7 } })).id;
  await ok(caller(t, owner)(`/api/teams/${teamId}/projects/${projectId}`, { method: "PUT", body: {} }));
});
afterAll(async () => {
  await worker?.stop(2000);
  await t?.close();
});

describe("generating into a shared project", () => {
  const t2i = { prompt: "boats at dusk", modelId: "local/sketch", projectId: "", parameters: { width: 64, height: 64, numImages: 1 } };

  it("viewers and strangers get 404; editors and admins queue on their own credits with the project's defaults", async () => {
    const body = { ...t2i, projectId };
    expect(await status(viewer, "/api/generate/text-to-image", body)).toBe(404);
    expect(await status(outsider, "/api/generate/text-to-image", body)).toBe(404);
    const before = { owner: await balance(owner), editor: await balance(editor), admin: await balance(admin) };
    const byEditor = await queue(editor, "/api/generate/text-to-image", body);
    const byAdmin = await queue(admin, "/api/images/generate", body);
    expect(byEditor).toMatchObject({ projectId, prompt: "watercolour, boats at dusk", parameters: expect.objectContaining({ steps: 12 }) });
    expect(await balance(editor)).toBe(before.editor - byEditor.creditsHeld);
    expect(await balance(admin)).toBe(before.admin - byAdmin.creditsHeld);
    expect(await balance(owner)).toBe(before.owner);
    // The job is the member's: in their queue, not the owner's.
    expect((await ok<{ items: Job[] }>(caller(t, editor)("/api/generate/queue"))).items.map((j) => j.id)).toContain(byEditor.id);
    expect((await ok<{ items: Job[] }>(caller(t, owner)("/api/generate/queue"))).items).toEqual([]);
    expect(await status(owner, `/api/generate/queue/${byEditor.id}/retry`, {})).toBe(404);

    const rows = await settle([byEditor.id, byAdmin.id]);
    expect(rows.map((r) => r.status)).toEqual(["completed", "completed"]);
    const done = rows.find((r) => r.id === byEditor.id)!;
    const [img] = await db().select().from(images).where(eq(images.id, done.imageIds[0]!));
    expect(img).toMatchObject({ userId: owner.user.id, projectId, createdBy: editor.user.id });
    expect(img!.filePath).toContain(owner.user.id);
    expect(await balance(owner)).toBe(before.owner);
    const usage = await db().select().from(usageLogs).where(eq(usageLogs.jobId, done.id));
    expect(usage.map((u) => u.userId)).toEqual([editor.user.id]);

    // The owner has it in the project and the gallery, with who made it; so does every member.
    const forOwner = await ok<ImageDetail>(caller(t, owner)(`/api/images/${img!.id}`));
    expect(forOwner.madeBy).toEqual({ id: editor.user.id, name: editor.user.name });
    expect((await ok<ImageList>(caller(t, owner)("/api/images"))).items.map((i) => i.id)).toContain(img!.id);
    expect((await ok<ImageList>(caller(t, viewer)(`/api/projects/${projectId}/images`))).items.map((i) => i.id)).toContain(img!.id);
    expect((await ok<ImageDetail>(caller(t, owner)(`/api/images/${imageId}`))).madeBy).toBeNull();
  });

  it("lists the project under 'shared with me' for editors and admins, not for viewers or strangers", async () => {
    type Listed = { items: { projectId: string; name: string; ownerName: string; role: string }[] };
    const list = (u: SignedUpUser) => ok<Listed>(caller(t, u)("/api/teams/shared-projects?minRole=editor"));
    expect((await list(editor)).items).toEqual([{ projectId, name: "Harbour", ownerName: "Olivia Owner", role: "editor" }]);
    expect((await list(admin)).items.map((p) => p.role)).toEqual(["admin"]);
    expect((await list(viewer)).items).toEqual([]);
    expect((await list(outsider)).items).toEqual([]);
    expect((await list(owner)).items).toEqual([]); // their own project is in their own list
    expect((await ok<Listed>(caller(t, viewer)("/api/teams/shared-projects"))).items.map((p) => p.role)).toEqual(["viewer"]);
  });

  it("the member's balance pays: an editor without credits gets 402 however rich the owner is", async () => {
    await db().update(users).set({ creditsBalance: 0 }).where(eq(users.id, editor.user.id));
    const res = await caller(t, editor)("/api/generate/text-to-image", { body: { ...t2i, projectId } });
    expect(res.status).toBe(402);
    await db().update(users).set({ creditsBalance: 1000 }).where(eq(users.id, editor.user.id));
  });
});

describe("batches into a shared project", () => {
  it("editors queue a batch on their own credits into the owner's project; viewers and strangers get 404", async () => {
    const body = { modelId: "local/sketch", prompts: ["a red boat", "a blue boat"], projectId, parameters: { width: 64, height: 64 } };
    expect(await status(viewer, "/api/generate/batch", body)).toBe(404);
    expect(await status(outsider, "/api/generate/batch", body)).toBe(404);
    const before = { owner: await balance(owner), editor: await balance(editor) };
    const res = await caller(t, editor)("/api/generate/batch", { body });
    expect(res.status).toBe(202);
    const batch = (await res.json()) as { id: string; estimatedCredits: number };
    expect(await balance(editor)).toBe(before.editor - batch.estimatedCredits);
    const jobs = await db().select().from(generationQueue).where(eq(generationQueue.batchId, batch.id));
    expect(jobs.map((j) => [j.userId, j.ownerId, j.projectId])).toEqual([
      [editor.user.id, owner.user.id, projectId],
      [editor.user.id, owner.user.id, projectId],
    ]);
    const rows = await settle(jobs.map((j) => j.id));
    expect(rows.map((r) => r.status)).toEqual(["completed", "completed"]);
    const made = await db().select().from(images).where(inArray(images.id, rows.flatMap((r) => r.imageIds)));
    expect(made.map((i) => [i.userId, i.projectId, i.createdBy])).toEqual([
      [owner.user.id, projectId, editor.user.id],
      [owner.user.id, projectId, editor.user.id],
    ]);
    expect(await balance(owner)).toBe(before.owner);
  });
});

describe("iterating on a shared project's images", () => {
  async function maskId(u: SignedUpUser) {
    const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#fff" } }).png().toBuffer();
    return ((await (await upload(t, u, png, { purpose: "mask" })).json()) as { uploadId: string }).uploadId;
  }
  const families = async (u: SignedUpUser): Promise<[string, unknown][]> => [
    [`/api/images/${imageId}/variation`, { count: 1 }],
    [`/api/images/${imageId}/upscale`, { scale: 2 }],
    [`/api/images/${imageId}/remix`, { prompt: "a harbour at night" }],
    [`/api/images/${imageId}/inpaint`, { maskUploadId: await maskId(u), prompt: "a lighthouse" }],
    [`/api/images/${imageId}/outpaint`, { extend: { top: 8 } }],
    [`/api/images/${imageId}/remove-background`, {}],
    [`/api/images/${imageId}/style-transfer`, { styleImageId: imageId }],
    ["/api/generate/image-to-image", { sourceImageId: imageId, projectId, prompt: "ink drawing", modelId: "local/sketch" }],
  ];

  it("viewers and strangers get 404 on every family; editors, admins and the owner get the result in the project", async () => {
    for (const u of [viewer, outsider]) for (const [path, body] of await families(u)) expect(await status(u, path, body), path).toBe(404);
    const jobs: { job: Job; by: SignedUpUser }[] = [];
    for (const by of [editor, admin, owner]) {
      const before = await balance(by);
      const ownerBefore = await balance(owner);
      let held = 0;
      for (const [path, body] of await families(by)) {
        const job = await queue(by, path, body);
        expect(job.projectId, path).toBe(projectId);
        held += job.creditsHeld;
        jobs.push({ job, by });
      }
      expect(await balance(by)).toBe(before - held);
      if (by !== owner) expect(await balance(owner)).toBe(ownerBefore);
    }
    const rows = await settle(jobs.map((j) => j.job.id));
    for (const { job, by } of jobs) {
      const row = rows.find((r) => r.id === job.id)!;
      expect(row.status, `${job.operation}: ${row.errorMessage}`).toBe("completed");
      const [img] = await db().select().from(images).where(eq(images.id, row.imageIds[0]!));
      expect(img).toMatchObject({ userId: owner.user.id, projectId, parentImageId: imageId, createdBy: by === owner ? null : by.user.id });
    }
  });

  it("keeps a shared image's iterations in its project", async () => {
    const mine = await ok<{ id: string }>(caller(t, editor)("/api/projects", { body: { name: "Mine" } }), 201);
    const res = await caller(t, editor)(`/api/images/${imageId}/variation`, { body: { count: 1, projectId: mine.id } });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/same project/);
  });

  it("refunds the member when a job fails, and a member removed mid-job still gets the result they paid for", async () => {
    await worker?.stop(2000);
    worker = undefined;
    const doomed = await storeImage(t, owner.user.id, await makePng({ width: 64, height: 64, hue: 200 }), { projectId });
    const before = { editor: await balance(editor), owner: await balance(owner) };
    const failing = await queue(editor, `/api/images/${doomed.id}/variation`, { count: 1 });
    const paid = await queue(editor, `/api/images/${imageId}/variation`, { count: 1 });
    await db().delete(images).where(eq(images.id, doomed.id)); // the owner deletes the source for good before it runs
    await ok(caller(t, owner)(`/api/teams/${teamId}/members/${editor.user.id}`, { method: "DELETE" }));

    const rows = await settle([failing.id, paid.id]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(failing.id)!.status).toBe("failed");
    expect(byId.get(paid.id)!.status).toBe("completed");
    const refunds = await db().select().from(creditTransactions).where(eq(creditTransactions.jobId, failing.id));
    expect(refunds.map((r) => [r.kind, r.userId])).toEqual(expect.arrayContaining([["refund", editor.user.id]]));
    expect(await balance(editor)).toBe(before.editor - paid.creditsHeld);
    expect(await balance(owner)).toBe(before.owner);
    const [img] = await db().select().from(images).where(eq(images.id, byId.get(paid.id)!.imageIds[0]!));
    expect(img).toMatchObject({ userId: owner.user.id, projectId, createdBy: editor.user.id });

    // New requests from the removed member: 404, as for a stranger.
    expect(await status(editor, `/api/images/${imageId}/variation`, { count: 1 })).toBe(404);
    expect(await status(editor, "/api/generate/text-to-image", { ...t2iBody(), projectId })).toBe(404);
  });
});

const t2iBody = () => ({ prompt: "boats", modelId: "local/sketch", parameters: { width: 64, height: 64, numImages: 1 } });
