/**
 * Gallery query benchmark: 100k images for one user in a table of BENCH_ROWS (default 1M) images.
 * Measures keyset pages (database and HTTP), the same page by OFFSET for comparison, the tag filter and
 * prompt search. PGlite by default; PostgreSQL when DATABASE_URL is set.
 *
 *   pnpm --filter @image-studio/server exec tsx ../bench/gallery-db.ts
 *   DATABASE_URL=postgres://… BENCH_ROWS=1000000 BENCH_USER_ROWS=100000 pnpm --filter @image-studio/server exec tsx ../bench/gallery-db.ts
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { serve } from "../server/node_modules/@hono/node-server/dist/index.mjs";
import { sql } from "../server/node_modules/drizzle-orm/index.js";
import { createApp } from "../server/src/app";
import { createProviders } from "../server/src/bootstrap";
import type { Ctx, Deps } from "../server/src/context";
import { openDatabase } from "../server/src/db/client";
import { seedDatabase } from "../server/src/db/seed";
import { parseEnv } from "../server/src/env";
import { EventBus } from "../server/src/jobs/events";
import { systemClock } from "../server/src/lib/clock";
import { createLogger } from "../server/src/lib/logger";
import * as images from "../server/src/modules/images/images.service";
import { ModelCatalog } from "../server/src/modules/models/models.service";
import { createStorage } from "../server/src/storage";
import { rowsOf, seedImages, signUpOverHttp, TAGS, WORDS } from "./gallery-seed";

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const USER_ROWS = Number(process.env.BENCH_USER_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const PAGE = 100;

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const fmt = (ms: number) => `${ms.toFixed(2)} ms`;

async function time(runs: number, fn: (i: number) => Promise<unknown>) {
  for (let i = 0; i < Math.min(10, runs); i++) await fn(i); // warm-up
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    out.push(performance.now() - t0);
  }
  return { p50: pct(out, 50), p95: pct(out, 95), max: Math.max(...out) };
}

async function main() {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "gallery-bench-"));
  const url = process.env.DATABASE_URL;
  const database = await openDatabase({ url, poolSize: 8 });
  await database.migrate();
  await seedDatabase(database.db);
  const env = parseEnv({ NODE_ENV: "test", DATA_DIR: tmp, BETTER_AUTH_SECRET: "bench-secret-bench-secret-bench-secret-01", APP_URL: "http://localhost:3000", LOG_LEVEL: "silent", WORKER_IN_PROCESS: "false", ...(url ? { DATABASE_URL: url } : {}) });
  const log = createLogger("silent");
  const providers = createProviders(env, log);
  const deps: Deps = { env, database, storage: createStorage({ driver: "local", root: path.join(tmp, "objects") }), log, clock: systemClock, version: "bench", providers, events: new EventBus(undefined, log), catalog: new ModelCatalog(database.db, providers) };
  const app = createApp(deps);
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((r) => server.once("listening", r));
  // Seeding can take minutes: keep idle keep-alive sockets open so the client never reuses a closed one.
  (server as unknown as { keepAliveTimeout: number }).keepAliveTimeout = 0;
  const port = (server.address() as { port: number }).port;
  const base = `http://127.0.0.1:${port}`;

  console.log(`database: ${database.kind}${url ? "" : " (in memory)"}; rows: ${ROWS.toLocaleString()}, of which ${USER_ROWS.toLocaleString()} for the measured user`);
  const { cookie, userId } = await signUpOverHttp(base);
  const t0 = performance.now();
  await seedImages(database.db, userId, ROWS, USER_ROWS);
  console.log(`seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const ctx: Ctx = { db: database.db, deps, user: { id: userId, email: "", name: "", role: "user" }, log, now: new Date() };
  // Cursors spread over the whole gallery, found once by walking it (as a user scrolling would).
  const cursors: (string | undefined)[] = [undefined];
  let c: string | undefined;
  for (let i = 0; i < USER_ROWS / 1000 - 1; i++) {
    const p = await images.list(ctx, { sort: "date", order: "desc", cursor: c, limit: 1000 });
    c = p.nextCursor ?? undefined;
    if (!c) break;
    cursors.push(c);
  }
  const pick = (i: number) => cursors[i % cursors.length];
  const results: [string, Awaited<ReturnType<typeof time>>][] = [];
  const run = async (name: string, fn: (i: number) => Promise<unknown>) => {
    const r = await time(RUNS, fn);
    results.push([name, r]);
    console.log(`${name.padEnd(52)} p50 ${fmt(r.p50).padStart(10)}  p95 ${fmt(r.p95).padStart(10)}  max ${fmt(r.max).padStart(10)}`);
  };

  await run("keyset page (service → database), random depth", (i) => images.list(ctx, { sort: "date", order: "desc", cursor: pick(i), limit: PAGE }));
  const headers = { cookie, accept: "application/json" };
  await run("keyset page over HTTP (auth, validation, JSON)", async (i) => {
    const cur = pick(i);
    const res = await fetch(`${base}/api/images?limit=${PAGE}${cur ? `&cursor=${cur}` : ""}`, { headers });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    await res.arrayBuffer();
  });
  const offsetAt = (n: number) => (i: number) =>
    database.db.execute(
      sql`SELECT id, prompt, width, height, thumbhash, created_at FROM images WHERE user_id = ${userId} AND deleted_at IS NULL ORDER BY created_at DESC NULLS LAST, id DESC NULLS LAST LIMIT ${PAGE} OFFSET ${(n - 1 + (i % 2)) * PAGE}`,
    );
  await run("OFFSET page 1,000 (for comparison)", offsetAt(Math.min(1000, Math.floor(USER_ROWS / PAGE))));
  await run("keyset page ~1,000 (same depth)", () => images.list(ctx, { sort: "date", order: "desc", cursor: cursors[cursors.length - 1], limit: PAGE }));
  await run("tag filter, first page (1 tag)", (i) => images.list(ctx, { sort: "date", order: "desc", tags: [TAGS[i % TAGS.length]!], limit: PAGE }));
  await run("tag filter, deep page", (i) => images.list(ctx, { sort: "date", order: "desc", tags: [TAGS[i % TAGS.length]!], cursor: pick(i + 50), limit: PAGE }));
  await run("prompt search q=<word>, first page", (i) => images.list(ctx, { sort: "date", order: "desc", q: WORDS[i % WORDS.length], limit: PAGE }));
  await run("prompt search, rare two words", (i) => images.list(ctx, { sort: "date", order: "desc", q: `${WORDS[i % WORDS.length]} ${WORDS[(i * 7 + 3) % WORDS.length]}`, limit: PAGE }));
  await run("GET /api/search/images?q= over HTTP", async (i) => {
    const res = await fetch(`${base}/api/search/images?q=${encodeURIComponent(WORDS[i % WORDS.length]!)}&limit=${PAGE}`, { headers });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    await res.arrayBuffer();
  });

  const deep = cursors[cursors.length - 1];
  const plan = await database.db.execute(sql`EXPLAIN ${images.listQuery(ctx, { sort: "date", order: "desc", cursor: deep, limit: PAGE })}`);
  const rows = rowsOf<{ "QUERY PLAN": string }>(plan);
  console.log(`\nkeyset plan (deep page):\n  ${rows.map((r) => r["QUERY PLAN"]).join("\n  ")}`);
  server.close();
  await database.close();
  rmSync(tmp, { recursive: true, force: true });
  process.exit(0);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
