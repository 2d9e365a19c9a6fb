import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import {
  batchPresets,
  collections,
  generationBatches,
  generationQueue,
  imageComments,
  images,
  projects,
  prompts,
  sessions,
  teamMembers,
  teamProjects,
  userSettings,
  users,
  apiKeys,
  webhookDeliveries,
  webhookEndpoints,
} from "../../src/db/schema";
import { createUser } from "../factories";
import { cookieFrom, createTestApp, jsonRequest, type SignedUpUser, signUp, type TestApp } from "../harness";
import { caller, makePng, storeImage, storeVideo } from "../images/fixtures";
import { upload } from "../iteration/helpers";
import { freshTeamKinds, type TeamKind } from "./world-teams";

/**
 * The one app the security suite shares: an owner whose every resource carries a secret marker, another user,
 * an administrator, and fresh resources of the owner made on demand (a row that deletes gets its own).
 */
export interface World {
  t: TestApp;
  owner: SignedUpUser;
  other: SignedUpUser;
  admin: SignedUpUser;
  /** Text in every resource of the owner: no answer to anyone else may contain it. */
  marker: string;
  png: Buffer;
}

export const LOCAL_MODEL = "local/sketch";

export async function createWorld(): Promise<World> {
  const adminEmail = `admin-${randomUUID()}@example.test`;
  // Webhook endpoints in the suite point at this machine (a closed port): the SSRF guard has its own tests.
  const t = await createTestApp({ ADMIN_EMAILS: adminEmail, WEBHOOK_ALLOW_PRIVATE_TARGETS: "true" });
  const [owner, other, admin] = await Promise.all([signUp(t), signUp(t), signUp(t, { email: adminEmail })]);
  return { t, owner, other, admin, marker: `secret-${randomUUID()}`, png: await makePng({ hue: 120 }) };
}

/** Ids of fresh resources of the owner; `id` is the row's main resource. */
export type Ids = Record<Kind | "id", string>;
export type Kind =
  | "image"
  | "comment"
  | "project"
  | "collection"
  | "prompt"
  | "preset"
  | "job"
  | "cancelledJob"
  | "session"
  | "upload"
  | "user"
  | "batch"
  | "pausedBatch"
  | "failedBatch"
  | "doneBatch"
  | "batchPreset"
  | "apiKey"
  | "webhookEndpoint"
  | "webhookDelivery"
  | "share"
  /** The owner's image published to their public gallery; the id is the owner's handle. */
  | "published"
  | TeamKind
  | "video";

async function json<T>(res: Promise<Response>, ok: number[] = [200, 201, 202]): Promise<T> {
  const r = await res;
  if (!ok.includes(r.status)) throw new Error(`world setup: ${r.url} answered ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

/**
 * Makes the owner's resources a row needs (an image and its comment always; the rest as asked). With `sharedWith`,
 * the image lives in a project of the owner shared with that team.
 */
export async function fresh(w: World, kinds: Kind[], opts: { sharedWith?: string } = {}): Promise<Ids> {
  const call = caller(w.t, w.owner);
  const m = w.marker;
  const db = w.t.deps.database.db;
  const ids = {} as Ids;
  const want = new Set<Kind>(["image", "comment", ...kinds, ...(opts.sharedWith || kinds.includes("teamProject") ? (["project"] as const) : [])]);
  if (want.has("project")) ids.project = (await json<{ id: string }>(call("/api/projects", { body: { name: `Project ${m}`, notes: m } }))).id;
  if (opts.sharedWith) await db.insert(teamProjects).values({ teamId: opts.sharedWith, projectId: ids.project, sharedBy: w.owner.user.id });
  ids.image = (await storeImage(w.t, w.owner.user.id, w.png, { prompt: `a harbour ${m}`, projectId: ids.project ?? null })).id;
  const [c] = await db.insert(imageComments).values({ imageId: ids.image, userId: w.owner.user.id, commentText: m }).returning();
  ids.comment = c!.id;
  if (want.has("collection")) {
    ids.collection = (await json<{ id: string }>(call("/api/collections", { body: { name: `Coll ${m}`, description: m } }))).id;
    await json(call(`/api/collections/${ids.collection}/images`, { body: { imageIds: [ids.image] } }));
  }
  if (want.has("prompt")) {
    ids.prompt = randomUUID();
    await json(call("/api/prompts", { body: { id: ids.prompt, title: `Prompt ${m}`, promptText: m } }));
  }
  if (want.has("preset")) {
    ids.preset = randomUUID();
    await json(call(`/api/settings/presets/${ids.preset}`, { method: "PUT", body: { name: `Preset ${m}`.slice(0, 100), modelId: LOCAL_MODEL, prompt: m, parameters: {} } }));
  }
  if (want.has("job") || want.has("cancelledJob")) {
    ids.job = (await json<{ id: string }>(call("/api/generate/text-to-image", { body: { prompt: `job ${m}`, modelId: LOCAL_MODEL } }))).id;
  }
  if (want.has("cancelledJob")) {
    ids.cancelledJob = ids.job;
    await json(call(`/api/generate/queue/${ids.job}`, { method: "DELETE" }));
  }
  for (const kind of ["batch", "pausedBatch", "failedBatch", "doneBatch"] as const) {
    if (!want.has(kind)) continue;
    ids[kind] = (await json<{ id: string }>(call("/api/generate/batch", { body: { name: `Batch ${m}`, modelId: LOCAL_MODEL, prompts: [`batch ${m}`] } }))).id;
    if (kind === "pausedBatch") await json(call(`/api/generate/batch/${ids[kind]}/pause`, { body: {} }));
    if (kind === "failedBatch") await db.update(generationQueue).set({ status: "failed", errorMessage: m }).where(eq(generationQueue.batchId, ids[kind]));
    if (kind === "doneBatch") {
      const [job] = await db.update(generationQueue).set({ status: "completed", imageIds: [ids.image] }).where(eq(generationQueue.batchId, ids[kind])).returning();
      await db.update(images).set({ jobId: job!.id }).where(eq(images.id, ids.image));
    }
  }
  if (want.has("batchPreset")) ids.batchPreset = (await json<{ id: string }>(call("/api/generate/batch/presets", { body: { name: `Preset ${m}`, config: { template: m } } }))).id;
  if (want.has("session")) ids.session = await secondSession(w);
  if (want.has("upload")) ids.upload = (await json<{ uploadId: string }>(upload(w.t, w.owner, w.png))).uploadId;
  if (want.has("user")) ids.user = (await createUser(w.t.deps)).id;
  if (want.has("apiKey")) ids.apiKey = (await json<{ id: string }>(call("/api/keys", { body: { name: `Key ${m}`.slice(0, 80), scopes: ["read"] } }))).id;
  if (want.has("webhookEndpoint") || want.has("webhookDelivery")) {
    const body = { url: `http://127.0.0.1:9/${m}`, events: ["job.completed"], description: m };
    ids.webhookEndpoint = (await json<{ id: string }>(call("/api/webhook-endpoints", { body }))).id;
  }
  if (want.has("webhookDelivery")) {
    const [d] = await db
      .insert(webhookDeliveries)
      .values({ endpointId: ids.webhookEndpoint, userId: w.owner.user.id, event: "job.completed", payload: { marker: m }, status: "failed", giveUpAt: new Date() })
      .returning();
    ids.webhookDelivery = d!.id;
  }
  if (want.has("published")) {
    const handle = `owner-${w.owner.user.id.slice(0, 8)}`;
    await db.update(users).set({ handle }).where(eq(users.id, w.owner.user.id));
    await db.update(images).set({ isPublic: true, publishedAt: new Date() }).where(eq(images.id, ids.image));
    ids.published = handle;
  }
  await freshTeamKinds(w, want, ids);
  if (want.has("video")) ids.video = (await storeVideo(w.t, w.owner.user.id, w.png, { prompt: `a clip ${m}` })).id;
  if (want.has("share")) ids.share = (await json<{ token: string }>(call(`/api/share/image/${ids.image}`, { body: {} }))).token;
  return ids;
}

/** Signs the owner in once more (another device) and returns that session's id. */
async function secondSession(w: World): Promise<string> {
  const login = await jsonRequest(w.t, "/api/auth/login", { body: { email: w.owner.email, password: w.owner.password }, ip: w.owner.ip });
  if (!login.ok) throw new Error(`second sign-in failed: ${login.status}`);
  const cookie = cookieFrom(login);
  const list = await json<{ items: { id: string; current: boolean }[] }>(jsonRequest(w.t, "/api/account/sessions", { cookie, ip: w.owner.ip }));
  return list.items.find((s) => s.current)!.id;
}

/** Everything the owner has, read straight from the database: compared before and after others' requests. */
export async function ownerSnapshot(w: World): Promise<unknown> {
  const db = w.t.deps.database.db;
  const uid = w.owner.user.id;
  const imgs = await db.select().from(images).where(eq(images.userId, uid)).orderBy(images.id);
  const ids = imgs.map((i) => i.id);
  return {
    user: await db.select().from(users).where(eq(users.id, uid)),
    images: imgs,
    comments: ids.length ? await db.select().from(imageComments).where(inArray(imageComments.imageId, ids)).orderBy(imageComments.id) : [],
    projects: await db.select().from(projects).where(eq(projects.userId, uid)).orderBy(projects.id),
    collections: await db.select().from(collections).where(eq(collections.userId, uid)).orderBy(collections.id),
    prompts: await db.select().from(prompts).where(eq(prompts.userId, uid)).orderBy(prompts.id),
    jobs: await db.select().from(generationQueue).where(eq(generationQueue.userId, uid)).orderBy(generationQueue.id),
    batches: await db.select().from(generationBatches).where(eq(generationBatches.userId, uid)).orderBy(generationBatches.id),
    batchPresets: await db.select().from(batchPresets).where(eq(batchPresets.userId, uid)).orderBy(batchPresets.id),
    sessions: (await db.select().from(sessions).where(eq(sessions.userId, uid))).map((s) => s.id).sort(),
    settings: await db.select().from(userSettings).where(eq(userSettings.userId, uid)),
    apiKeys: await db.select().from(apiKeys).where(eq(apiKeys.userId, uid)).orderBy(apiKeys.id),
    webhookEndpoints: await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.userId, uid)).orderBy(webhookEndpoints.id),
    webhookDeliveries: await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.userId, uid)).orderBy(webhookDeliveries.id),
    teamMembers: await db.select().from(teamMembers).where(inArray(teamMembers.teamId, db.select({ id: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.userId, uid)))).orderBy(teamMembers.teamId, teamMembers.userId),
    teamProjects: await db.select().from(teamProjects).where(inArray(teamProjects.projectId, db.select({ id: projects.id }).from(projects).where(eq(projects.userId, uid)))).orderBy(teamProjects.teamId, teamProjects.projectId),
  };
}
