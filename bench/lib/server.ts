/** The built API server (server/dist/index.js) as a child process for the benchmarks, with the bench's own env. */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
// @ts-expect-error plain ESM helper without types
import { freePort } from "./app.mjs";

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface ServerOptions {
  dataDir: string;
  databaseUrl?: string;
  port?: number;
  /** Write a V8 CPU profile here when the process exits. */
  cpuProfDir?: string;
  /** Extra environment (S3_*, WORKER_*, …). */
  env?: Record<string, string>;
  /** `index.js` (API) or `worker.js` (background worker). */
  entry?: "index.js" | "worker.js";
  /** Another checkout's build to run (its server/dist), e.g. main's for an A/B comparison. */
  root?: string;
}

export interface RunningServer {
  base: string;
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const entry = opts.entry ?? "index.js";
  const root = opts.root ?? repo;
  if (!existsSync(path.join(root, "server/dist", entry))) throw new Error("Build first: pnpm build (server/dist is needed).");
  const port: number = opts.port ?? (await freePort());
  const base = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    APP_URL: base,
    DATA_DIR: opts.dataDir,
    BETTER_AUTH_SECRET: "bench-secret-bench-secret-bench-secret-01",
    LOG_LEVEL: "warn",
    ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
    ...opts.env,
  };
  const args = opts.cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${opts.cpuProfDir}`] : [];
  const child = spawn(process.execPath, [...args, `server/dist/${entry}`], { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  };
  if (entry === "worker.js") return { base, port, child, stop };
  for (const deadline = Date.now() + 90_000; ; ) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    if (ok) return { base, port, child, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error("the server did not become healthy within 90 s");
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
