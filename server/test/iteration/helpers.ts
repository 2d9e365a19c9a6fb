import { type Job, jobSchema } from "@image-studio/shared";
import { and, eq } from "drizzle-orm";
import { generationQueue, images } from "../../src/db/schema";
import { uploadPrefix } from "../../src/storage/keys";
import { listAll } from "../../src/storage/types";
import { waitFor } from "../factories";
import { caller, makePng, storeImage } from "../images/fixtures";
import { Worker } from "../../src/jobs/worker";
import { createTestApp, TEST_ORIGIN, type SignedUpUser, type TestApp } from "../harness";

export { caller, makePng, storeImage };

/** POST /api/uploads as `u` with `data` in the multipart field `file`. */
export function upload(
  t: TestApp,
  u: SignedUpUser | null,
  data: Buffer | Uint8Array,
  opts: { name?: string; type?: string; purpose?: string } = {},
) {
  const form = new FormData();
  form.set("file", new Blob([new Uint8Array(data)], { type: opts.type ?? "image/png" }), opts.name ?? "image.png");
  if (opts.purpose) form.set("purpose", opts.purpose);
  const headers: Record<string, string> = { Origin: TEST_ORIGIN, "X-Forwarded-For": u?.ip ?? "10.9.9.9" };
  if (u) headers.Cookie = u.cookie;
  return t.request("/api/uploads", { method: "POST", headers, body: form });
}

/** Polls the job until it finishes; returns the finished view. */
export async function finished(t: TestApp, u: SignedUpUser, jobId: string, timeoutMs = 20_000): Promise<Job> {
  const call = caller(t, u);
  return waitFor(async () => {
    const res = await call(`/api/generate/queue/${jobId}`);
    const job = jobSchema.parse(await res.json());
    return job.status === "completed" || job.status === "failed" || job.status === "cancelled" ? job : null;
  }, timeoutMs);
}

/** A completed job's first image row. */
export async function imageOf(t: TestApp, job: Job) {
  const [row] = await t.deps.database.db.select().from(images).where(eq(images.id, job.imageIds[0]!));
  return row!;
}

/** Bytes of an image's original. */
export async function originalBytes(t: TestApp, filePath: string): Promise<Buffer> {
  const obj = await t.deps.storage.get(filePath);
  const chunks: Buffer[] = [];
  for await (const c of obj!.body) chunks.push(Buffer.from(c as Uint8Array));
  return Buffer.concat(chunks);
}

export const jobsOf = (t: TestApp, userId: string) =>
  t.deps.database.db
    .select()
    .from(generationQueue)
    .where(and(eq(generationQueue.userId, userId)));
export const uploadsOf = async (t: TestApp, userId: string) =>
  (await listAll(t.deps.storage, uploadPrefix(userId))).length;

/** A test app with a running worker (two slots), and how to stop both. */
export async function startWithWorker(env: Record<string, string> = {}): Promise<{ t: TestApp; stop: () => Promise<void> }> {
  // A running worker claims any waiting job: no other file's jobs in its line (on PostgreSQL files share a database).
  const t = await createTestApp(env, { ownDatabase: true });
  const worker = new Worker(t.deps, { concurrency: 2, userConcurrency: 4, pollMs: 20, idleMs: 50 });
  worker.start();
  return {
    t,
    stop: async () => {
      await worker.stop(2000);
      await t.close();
    },
  };
}
