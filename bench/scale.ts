/**
 * Scale: the production shape from the README — two API processes (WORKER_IN_PROCESS=false) and separate worker
 * processes on PostgreSQL + an S3 server (s3rver), the local image engine. A mixed load on both API processes at
 * once: gallery pages (autocannon), generations enqueued alternately on each, and live-event (SSE) listeners on
 * each. Prints gallery throughput, generation throughput, job latency (enqueue → done, p50/p95), how many jobs'
 * events reached the listeners on the OTHER API process (LISTEN/NOTIFY across processes), and whether image
 * files left the API as redirects to the bucket. Runs once per engine and worker count, each on a fresh database
 * and bucket. Two engines:
 *  - `local`: the built-in sketch engine renders inside the worker (CPU-bound: on a 2-core machine a second worker
 *    process adds no cores, so this run shows latency and cross-process events, not scaling);
 *  - `fal`: the fal-protocol test server (server/test/fake-fal) taking SCALE_FAL_MS per job, the shape of production,
 *    where a worker's slots wait on the provider. Jobs are offered faster than one worker's slots can take them, so
 *    generations/s is each worker count's capacity, and 2 ÷ 1 workers shows how it scales.
 *
 *   pnpm build:server && BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/scale.ts
 *   options (env): SCALE_ENGINES=local,fal  SCALE_WORKERS=1,2  SCALE_JOBS=60  SCALE_RATE=4 (local: jobs/s offered)
 *                  SCALE_FAL_MS=1500 (fal: time per job)  SCALE_FAL_RATE=8 (fal: jobs/s offered)
 *                  SCALE_LISTENERS=2 (per API)  SCALE_CONNECTIONS=4 (autocannon, per API)  SCALE_IMAGES=2000 (gallery rows)
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { openDatabase } from "../server/src/db/client";
import { seedImages, signUpOverHttp } from "./gallery-seed";
import { freshDatabaseUrl } from "./lib/fresh-database";
import { openListener, type Listener } from "./lib/sse";
import { repo, type RunningServer, startServer } from "./lib/server";
import { type FakeFal, startFakeFal } from "../server/test/fake-fal";

const PG = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const WORKER_COUNTS = (process.env.SCALE_WORKERS ?? "1,2").split(",").map(Number);
const JOBS = Number(process.env.SCALE_JOBS ?? 60);
const RATE = Number(process.env.SCALE_RATE ?? 4);
const ENGINES = (process.env.SCALE_ENGINES ?? "local,fal").split(",") as Engine[];
const FAL_MS = Number(process.env.SCALE_FAL_MS ?? 1500);
const FAL_RATE = Number(process.env.SCALE_FAL_RATE ?? 8);
type Engine = "local" | "fal";
/** What each engine's jobs ask for: the sketch engine at 64 px, or FLUX schnell at 512 px on the fake fal. */
const JOB_INPUT: Record<Engine, { modelId: string; parameters: Record<string, unknown> }> = {
  local: { modelId: "local/sketch-fast", parameters: { width: 64, height: 64 } },
  fal: { modelId: "fal-ai/flux/schnell", parameters: { width: 512, height: 512 } },
};
const LISTENERS = Number(process.env.SCALE_LISTENERS ?? 2);
const CONNECTIONS = Number(process.env.SCALE_CONNECTIONS ?? 4);
const IMAGES = Number(process.env.SCALE_IMAGES ?? 2000);
const SLOTS = 4;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function startS3(dir: string): Promise<{ endpoint: string; child: ChildProcess }> {
  const portFile = path.join(dir, "port");
  const child = spawn(process.execPath, ["scripts/s3rver.mjs", path.join(dir, "s3"), portFile], { cwd: repo, stdio: "ignore" });
  for (let i = 0; i < 300 && !existsSync(portFile); i++) await sleep(100);
  if (!existsSync(portFile)) throw new Error("s3rver did not start");
  return { endpoint: `http://127.0.0.1:${readFileSync(portFile, "utf8").trim()}`, child };
}

async function gallery(base: string, cookie: string, seconds: number) {
  const r = await autocannon({ url: `${base}/api/images?limit=50`, connections: CONNECTIONS, duration: seconds, headers: { cookie, "accept-encoding": "gzip, br" } });
  return { rps: r.requests.average, p99: r.latency.p99, errors: r.errors + r.timeouts + r.non2xx };
}

async function run(engine: Engine, workers: number, s3: string, tmp: string, fal?: FakeFal) {
  const fresh = await freshDatabaseUrl(PG, "image_studio_bench_scale");
  const rate = engine === "fal" ? FAL_RATE : RATE;
  const falEnv: Record<string, string> = fal
    ? { FAL_KEY: fal.key, FAL_QUEUE_URL: fal.url, FAL_JWKS_URL: fal.jwksUrl, FAL_WEBHOOKS: "off" } // worker processes serve no webhook URL
    : {};
  const env = {
    ...falEnv,
    S3_ENDPOINT: s3,
    S3_BUCKET: `scale-${workers}-${Date.now()}`,
    S3_ACCESS_KEY: "S3RVER",
    S3_SECRET_KEY: "S3RVER",
    S3_FORCE_PATH_STYLE: "true",
    WORKER_IN_PROCESS: "false",
    WORKER_CONCURRENCY: String(SLOTS),
    USER_CONCURRENCY: "64",
    SIGNUP_CREDITS: "100000",
    WORKER_HEARTBEAT_MS: "2000",
    WORKER_LEASE_MS: "10000",
  };
  const procs: RunningServer[] = [];
  const dir = (name: string) => mkdtempSync(path.join(tmp, `${name}-`));
  try {
    // The first API process migrates (under the advisory lock); the others start on the migrated database.
    const a = await startServer({ dataDir: dir("api-a"), databaseUrl: fresh.url, env });
    procs.push(a);
    const b = await startServer({ dataDir: dir("api-b"), databaseUrl: fresh.url, env: { ...env, MIGRATE_ON_START: "false" } });
    procs.push(b);
    for (let i = 0; i < workers; i++) procs.push(await startServer({ dataDir: dir(`worker-${i}`), databaseUrl: fresh.url, entry: "worker.js", env: { ...env, MIGRATE_ON_START: "false" } }));
    const { cookie, userId } = await signUpOverHttp(a.base);
    const database = await openDatabase({ url: fresh.url });
    await seedImages(database.db, userId, IMAGES * 2, IMAGES).finally(() => database.close());

    const apis = [a, b];
    const listeners: Listener[][] = await Promise.all(apis.map((api) => Promise.all(Array.from({ length: LISTENERS }, () => openListener(`${api.base}/api/generate/events`, cookie)))));
    // Warm-up: one job end to end, so model catalogs and connections are open before the clock starts.
    await enqueue(a.base, cookie, "warm-up", engine);
    await waitFor(() => listeners[0]![0]!.completed.size >= 1, 60_000);

    const seconds = Math.ceil(JOBS / rate) + 2;
    const load = apis.map((api) => gallery(api.base, cookie, seconds));
    const submitted: { id: string; on: number; at: number }[] = [];
    const t0 = performance.now();
    for (let i = 0; i < JOBS; i++) {
      const due = t0 + (i * 1000) / rate;
      if (due > performance.now()) await sleep(due - performance.now());
      const on = i % 2;
      const at = performance.now();
      submitted.push({ id: await enqueue(apis[on]!.base, cookie, `scale ${i}`, engine), on, at });
    }
    const all = listeners.flat();
    const doneAt = (id: string) => Math.min(...all.map((l) => l.completed.get(id) ?? Infinity));
    await waitFor(() => submitted.every((j) => Number.isFinite(doneAt(j.id))), 300_000);
    const t1 = Math.max(...submitted.map((j) => doneAt(j.id)));
    // Every listener on the other process must see each job finish; give the last NOTIFYs a moment to land.
    const crossed = () => submitted.filter((j) => listeners[1 - j.on]!.every((l) => l.completed.has(j.id))).length;
    await waitFor(() => crossed() === JOBS, 5_000).catch(() => {});
    const [ga, gb] = await Promise.all(load);
    const latency = submitted.map((j) => doneAt(j.id) - j.at);
    const failed = all.reduce((n, l) => n + l.failed, 0);
    const files = await fileRoute(a.base, cookie, [...listeners[0]![0]!.images.values()][0]);
    listeners.flat().forEach((l) => l.close());

    const engineText = engine === "fal" ? `fake fal, ${FAL_MS} ms per job` : "local engine: 2 renders at once per worker";
    const tag = `${engine} · ${workers} worker(s)`;
    console.log(`scale — PostgreSQL + s3rver, 2 API processes, ${workers} worker process(es) × ${SLOTS} slots (${engineText}), ${JOBS} jobs offered at ${rate}/s, ${LISTENERS} SSE listeners per API`);
    console.log(`  gallery pages        ${(ga!.rps + gb!.rps).toFixed(0)} req/s (A ${ga!.rps.toFixed(0)} + B ${gb!.rps.toFixed(0)}), p99 A ${ga!.p99} ms / B ${gb!.p99} ms, errors ${ga!.errors + gb!.errors}`);
    console.log(`  ${tag}: generations ${((JOBS * 1000) / (t1 - t0)).toFixed(2)} jobs/s (${JOBS} jobs in ${((t1 - t0) / 1000).toFixed(1)} s, ${failed} failed events)`);
    console.log(`  ${tag}: enqueue → done p50 ${pct(latency, 50).toFixed(0)} ms p95 ${pct(latency, 95).toFixed(0)} ms`);
    console.log(`  ${tag}: events across processes ${((crossed() * 100) / JOBS).toFixed(1)}% (${crossed()}/${JOBS} jobs reached every listener on the other API); delivered A ${listeners[0]!.reduce((n, l) => n + l.events, 0)}, B ${listeners[1]!.reduce((n, l) => n + l.events, 0)} events`);
    console.log(`  image file route     ${files}`);
    return (JOBS * 1000) / (t1 - t0);
  } finally {
    for (const p of procs.reverse()) await p.stop();
    await fresh.drop();
  }
}

async function enqueue(base: string, cookie: string, prompt: string, engine: Engine): Promise<string> {
  const res = await fetch(`${base}/api/generate/text-to-image`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json", origin: base },
    body: JSON.stringify({ prompt, ...JOB_INPUT[engine] }),
  });
  if (res.status !== 202) throw new Error(`enqueue: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

async function waitFor(cond: () => boolean, ms: number) {
  for (const end = Date.now() + ms; !cond(); ) {
    if (Date.now() > end) throw new Error("timed out waiting for jobs");
    await sleep(50);
  }
}

/** What the API answers for a generated picture's thumbnail: a redirect to the bucket, and what the bucket sends. */
async function fileRoute(base: string, cookie: string, imageId: string | undefined): Promise<string> {
  if (!imageId) return "no image to check";
  const res = await fetch(`${base}/api/images/${imageId}/file/thumb-256`, { headers: { cookie }, redirect: "manual" });
  const to = res.headers.get("location");
  if (res.status !== 302 || !to) return `streamed by the API (${res.status})`;
  const file = await fetch(to);
  return `302 to ${new URL(to).origin} (signed, X-Amz-Expires ${new URL(to).searchParams.get("X-Amz-Expires")} s) → ${file.status} ${file.headers.get("content-type")}, ${(await file.arrayBuffer()).byteLength} bytes from the bucket`;
}

async function main() {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "bench-scale-"));
  const s3 = await startS3(tmp);
  const fal = ENGINES.includes("fal") ? await startFakeFal({ queueMs: 100, processMs: FAL_MS - 100 }) : undefined;
  try {
    for (const engine of ENGINES) {
      const rate = new Map<number, number>();
      for (const w of WORKER_COUNTS) rate.set(w, await run(engine, w, s3.endpoint, tmp, engine === "fal" ? fal : undefined));
      if (!rate.has(1) || !rate.has(2)) continue;
      const ratio = (rate.get(2)! / rate.get(1)!).toFixed(2);
      // The fal run is the scaling figure (bench/run.mjs reads "2 ÷ 1 workers:"); the local one is CPU-bound here.
      if (engine === "fal") console.log(`generations/s, 2 ÷ 1 workers: ${ratio}× (fake fal, ${FAL_MS} ms per job, ${FAL_RATE} jobs/s offered)`);
      else console.log(`generations/s on the local engine, 2 ÷ 1 worker processes: ${ratio}× (CPU-bound: ${os.cpus().length} cores for every process)`);
    }
  } finally {
    await fal?.close();
    s3.child.kill("SIGTERM");
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
