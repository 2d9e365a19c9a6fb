import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import {
  collections,
  generationQueue,
  imageComments,
  images,
  projects,
  prompts,
  sessions,
  userSettings,
  users,
} from "../../src/db/schema";
import { createUser } from "../factories";
import { cookieFrom, createTestApp, jsonRequest, type SignedUpUser, signUp, type TestApp } from "../harness";
import { caller, makePng, storeImage } from "../images/fixtures";
import { upload } from "../iteration/helpers";

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
  const t = await createTestApp({ ADMIN_EMAILS: adminEmail });
  const [owner, other, admin] = await Promise.all([signUp(t), signUp(t), signUp(t, { email: adminEmail })]);
  return { t, owner, other, admin, marker: `secret-${randomUUID()}`, png: await makePng({ hue: 120 }) };
}

/** Ids of fresh resources of the owner; `id` is the row's main resource. */
export type Ids = Record<Kind | "id", string>;
export type Kind = "image" | "comment" | "project" | "collection" | "prompt" | "preset" | "job" | "cancelledJob" | "session" | "upload" | "user";

async function json<T>(res: Promise<Response>, ok: number[] = [200, 201, 202]): Promise<T> {
  const r = await res;
  if (!ok.includes(r.status)) throw new Error(`world setup: ${r.url} answered ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

/** Makes the owner's resources a row needs (an image and its comment always; the rest as asked). */
export async function fresh(w: World, kinds: Kind[]): Promise<Ids> {
  const call = caller(w.t, w.owner);
  const m = w.marker;
  const db = w.t.deps.database.db;
  const ids = {} as Ids;
  const want = new Set<Kind>(["image", "comment", ...kinds]);
  if (want.has("project")) ids.project = (await json<{ id: string }>(call("/api/projects", { body: { name: `Project ${m}`, notes: m } }))).id;
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
  if (want.has("session")) ids.session = await secondSession(w);
  if (want.has("upload")) ids.upload = (await json<{ uploadId: string }>(upload(w.t, w.owner, w.png))).uploadId;
  if (want.has("user")) ids.user = (await createUser(w.t.deps)).id;
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
    sessions: (await db.select().from(sessions).where(eq(sessions.userId, uid))).map((s) => s.id).sort(),
    settings: await db.select().from(userSettings).where(eq(userSettings.userId, uid)),
  };
}
