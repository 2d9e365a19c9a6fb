/**
 * API throughput: the built server (server/dist) under autocannon, with a signed-in user who owns a gallery.
 * Each authenticated route is compared with a static file served by the same process in the same run, so the
 * figures are ratios that hold on a busy machine. PGlite by default; PostgreSQL with DATABASE_URL=postgres://…
 * (a fresh database beside it, dropped after).
 *
 *   pnpm build && pnpm --filter @image-studio/bench api
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres pnpm --filter @image-studio/bench api
 *   BENCH_APP_ROOT=/work/main runs that checkout's built server instead (A/B against another build)
 *   options (env): BENCH_SECONDS=10 BENCH_CONNECTIONS=10 BENCH_IMAGES=2000 BENCH_CPU_PROF=1 (writes a
 *   .cpuprofile of the server and prints its hottest functions; BENCH_CPU_PROF_DIR=dir keeps it for DevTools),
 *   BENCH_JSON=path (figures for bench/run.mjs)
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { openDatabase } from "../server/src/db/client";
import { seedImages, signUpOverHttp } from "./gallery-seed";
import { freshDatabaseUrl } from "./lib/fresh-database";
import { startServer } from "./lib/server";
import { byPackage, summariseProfiles } from "./lib/cpu-profile";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const IMAGES = Number(process.env.BENCH_IMAGES ?? 2000);
const PROFILE = process.env.BENCH_CPU_PROF === "1";
const ROOT = process.env.BENCH_APP_ROOT || undefined;

interface Figure {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** The server process's own CPU time per request (user + system), µs: waiting for a core does not count. */
  cpuUsPerRequest: number;
  /** PostgreSQL's CPU per request (every `postgres` process on this machine), µs; NaN on PGlite or a remote server. */
  dbCpuUsPerRequest: number;
}

/** CPU time a process has used so far, ms (Linux /proc; NaN elsewhere). */
function processCpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in USER_HZ (100) ticks
  } catch {
    return NaN;
  }
}

/** CPU time used so far by each local PostgreSQL process (its server, backends and helpers), ms by pid. */
function postgresCpuMs(): Map<number, number> {
  const cpu = new Map<number, number>();
  let pids: string[] = [];
  try {
    pids = readdirSync("/proc").filter((d) => /^\d+$/.test(d));
  } catch {
    return cpu;
  }
  for (const pid of pids) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "postgres") cpu.set(Number(pid), processCpuMs(Number(pid)));
    } catch {
      // gone meanwhile
    }
  }
  return cpu;
}

/** PostgreSQL's CPU between two samples; a backend started in between counts from zero. */
function postgresCpuSince(before: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of postgresCpuMs()) total += ms - (before.get(pid) ?? 0);
  return total;
}

async function load(base: string, name: string, url: string, cookie: string | undefined, pid: number | undefined, localPostgres: boolean): Promise<Figure> {
  const cpuBefore = processCpuMs(pid);
  const dbBefore = localPostgres ? postgresCpuMs() : undefined;
  const r = await autocannon({
    url: base + url,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: cookie ? { cookie, "accept-encoding": "gzip, br" } : { "accept-encoding": "gzip, br" },
  });
  const errors = r.errors + r.timeouts + r.non2xx;
  const cpuUsPerRequest = ((processCpuMs(pid) - cpuBefore) * 1000) / Math.max(1, r.requests.total);
  const dbCpuUsPerRequest = dbBefore?.size ? (postgresCpuSince(dbBefore) * 1000) / Math.max(1, r.requests.total) : NaN;
  return { name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors, cpuUsPerRequest, dbCpuUsPerRequest };
}

async function seed(kind: "postgres" | "pglite", url: string | undefined, dataDir: string, userId: string) {
  const database = await openDatabase(url ? { url } : { dataDir: path.join(dataDir, "pglite") });
  try {
    await seedImages(database.db, userId, IMAGES * 2, IMAGES);
  } finally {
    await database.close();
  }
  return kind;
}

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "bench-api-"));
  const fresh = process.env.DATABASE_URL ? await freshDatabaseUrl(process.env.DATABASE_URL, "image_studio_bench_api") : undefined;
  const kind = fresh ? "postgres" : "pglite";
  const profDir = process.env.BENCH_CPU_PROF_DIR || path.join(dataDir, "prof");
  let server = await startServer({ dataDir, databaseUrl: fresh?.url, root: ROOT });
  try {
    const { cookie, userId } = await signUpOverHttp(server.base);
    // PGlite is single-process: the server lets go of it while the bench writes the gallery (and starts again
    // with the profiler on, so the profile holds the measured load only).
    await server.stop();
    await seed(kind, fresh?.url, dataDir, userId);
    server = await startServer({ dataDir, databaseUrl: fresh?.url, port: server.port, cpuProfDir: PROFILE ? profDir : undefined, root: ROOT });
    const base = server.base;
    for (const u of ["/icons/favicon.svg", "/api/auth/me", "/api/images?limit=50"]) await fetch(base + u, { headers: { cookie } }); // warm-up
    const routes: [string, string, string | undefined][] = [
      ["static file", "/icons/favicon.svg", undefined],
      ["GET /api/health/live", "/api/health/live", undefined],
      ["GET /api/auth/me", "/api/auth/me", cookie],
      ["GET /api/images?limit=50", "/api/images?limit=50", cookie],
    ];
    const only = process.env.BENCH_ONLY?.split(",");
    // PostgreSQL on this machine (the bench's usual set-up): its processes' CPU per request is measured too.
    const localPostgres = kind === "postgres" && /@(127\.0\.0\.1|localhost)[:/]/.test(process.env.DATABASE_URL ?? "");
    const figures: Figure[] = [];
    for (const [name, url, auth] of routes) if (!only || (name === "static file" && !PROFILE) || only.some((o) => url.includes(o))) figures.push(await load(base, name, url, auth, server.child.pid, localPostgres));
    const staticRps = figures.find((f) => f.name === "static file")?.rps ?? NaN;
    console.log(`\nAPI throughput, ${kind}, ${CONNECTIONS} connections, ${SECONDS} s each, ${IMAGES} images in the gallery`);
    console.log("route".padEnd(28), "req/s".padStart(8), "p50 ms".padStart(8), "p99 ms".padStart(8), "× static".padStart(9), "errors".padStart(7), "server CPU µs/req".padStart(18), "db CPU µs/req".padStart(14));
    for (const f of figures) {
      console.log(f.name.padEnd(28), f.rps.toFixed(0).padStart(8), String(f.p50).padStart(8), String(f.p99).padStart(8), (f.rps / staticRps).toFixed(2).padStart(9), String(f.errors).padStart(7), (Number.isNaN(f.cpuUsPerRequest) ? "—" : f.cpuUsPerRequest.toFixed(0)).padStart(18), (Number.isNaN(f.dbCpuUsPerRequest) ? "—" : f.dbCpuUsPerRequest.toFixed(0)).padStart(14));
    }
    if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, JSON.stringify({ kind, figures }, null, 2));
    await server.stop();
    if (PROFILE) {
      console.log(`\nServer CPU by package (self time):\n${byPackage(profDir)}`);
      console.log(`\nHottest functions in the server (self time):\n${summariseProfiles(profDir, 25)}`);
    }
  } finally {
    await server.stop();
    await fresh?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
