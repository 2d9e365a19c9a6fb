import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { readinessSchema } from "@image-studio/shared";
import { afterEach, describe, expect, it } from "vitest";
import { postgresUrl, scratchDatabase } from "./databases";

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

interface LogLine {
  msg: string;
  [k: string]: unknown;
}

/** Starts `pnpm worker` the way an operator does (here from source through tsx), collecting its JSON log lines. */
function startWorkerProcess(env: Record<string, string>) {
  const cwd = mkdtempSync(path.join(os.tmpdir(), "image-studio-worker-proc-"));
  const child = spawn(path.join(serverDir, "node_modules/.bin/tsx"), [path.join(serverDir, "src/worker.ts")], {
    cwd, // no stray .env is read
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? cwd, DATA_DIR: cwd, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  cleanups.push(() => {
    if (child.exitCode === null) child.kill("SIGKILL");
    rmSync(cwd, { recursive: true, force: true });
  });
  const lines: LogLine[] = [];
  const waiters: { test: (l: LogLine) => boolean; resolve: (l: LogLine) => void }[] = [];
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  createInterface({ input: child.stdout }).on("line", (raw) => {
    let line: LogLine;
    try {
      line = JSON.parse(raw) as LogLine;
    } catch {
      return;
    }
    lines.push(line);
    for (const w of [...waiters]) if (w.test(line)) w.resolve(line);
  });
  const next = (msg: string) =>
    new Promise<LogLine>((resolve, reject) => {
      const seen = lines.find((l) => l.msg === msg);
      if (seen) return resolve(seen);
      waiters.push({ test: (l) => l.msg === msg, resolve });
      child.once("exit", (code) => reject(new Error(`worker exited (${code}) before logging "${msg}": ${stderr}`)));
    });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child: child as ChildProcess, next, exited, lines };
}

describe("a standalone worker process", () => {
  it("serves /live, /ready and /metrics on its health port and logs its start and stop", { timeout: 60_000 }, async () => {
    const base = postgresUrl();
    const env: Record<string, string> = {
      NODE_ENV: "production",
      BETTER_AUTH_SECRET: "w".repeat(40),
      WORKER_HEALTH_PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
      METRICS_TOKEN: "worker-metrics-token-0123",
    };
    if (base) {
      const scratch = await scratchDatabase(base);
      cleanups.push(scratch.drop);
      env.DATABASE_URL = scratch.url;
    }
    const proc = startWorkerProcess(env);
    const started = await proc.next("worker started");
    expect(started).toMatchObject({ process: "worker", leaseMs: 15_000, heartbeatMs: 5_000 });
    const listening = await proc.next("worker health listening");
    const url = `http://127.0.0.1:${String(listening.port)}`;

    expect((await fetch(`${url}/live`)).status).toBe(200);
    const ready = await fetch(`${url}/ready`);
    expect(ready.status).toBe(200);
    const body = readinessSchema.parse(await ready.json());
    expect(body).toMatchObject({
      status: "ready",
      database: { ok: true },
      worker: { id: started.id, running: true, activeJobs: 0 },
    });
    // Its job metrics, for a scraper holding the token (as on the API).
    expect((await fetch(`${url}/metrics`)).status).toBe(401);
    const metrics = await fetch(`${url}/metrics`, { headers: { Authorization: "Bearer worker-metrics-token-0123" } });
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain("image_studio_job");

    proc.child.kill("SIGTERM");
    expect(await proc.next("worker stopping")).toMatchObject({ signal: "SIGTERM", id: started.id });
    await proc.next("worker stopped");
    expect(await proc.exited).toBe(0);
  });
});
