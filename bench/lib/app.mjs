/**
 * Shared by the browser benches: the built app on a free port (embedded defaults: PGlite, local disk, in a
 * temporary DATA_DIR), Chromium's launch flags for this machine, and a verified, signed-in account made through
 * the dev mailbox.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** Where the built app is (server/dist + client/dist): this checkout, or BENCH_APP_ROOT to measure another build. */
const appRoot = process.env.BENCH_APP_ROOT ? path.resolve(process.env.BENCH_APP_ROOT) : repo;
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Launch flags that work on these machines (docs: ARCHITECTURE.md, "Tests, by tier"). */
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

export const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });

/**
 * Starts `node server/dist/index.js` and waits for /api/health. Resolves `{ base, stop }`; `stop()` ends the
 * server, waits for it to exit and removes its data directory.
 */
export async function startApp({ tmpPrefix = "image-studio-bench-", timeoutMs = Number(process.env.BENCH_START_TIMEOUT_MS ?? 60_000) } = {}) {
  if (!existsSync(path.join(appRoot, "server/dist/index.js")) || !existsSync(path.join(appRoot, "client/dist/index.html"))) {
    throw new Error("Build first: pnpm build (server/dist and client/dist are needed).");
  }
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), tmpPrefix));
  const base = `http://127.0.0.1:${port}`;
  const env = { PATH: process.env.PATH, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", APP_URL: base, DATA_DIR: dataDir, BETTER_AUTH_SECRET: "bench-secret-bench-secret-bench-secret-01", LOG_LEVEL: "warn" };
  const child = spawn(process.execPath, ["server/dist/index.js"], { cwd: appRoot, env, stdio: ["ignore", "inherit", "inherit"] });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  for (const deadline = Date.now() + timeoutMs; ; ) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { base, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server did not become healthy within ${timeoutMs / 1000} s`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Registers, verifies (token from the dev mailbox) and signs in on a Playwright APIRequestContext. */
export async function signUp(request, { prefix = "bench" } = {}) {
  const email = `${prefix}-${Date.now()}@example.test`;
  const password = "correct horse battery staple";
  await request.post("/api/auth/register", { data: { email, password, name: "Bench" } });
  let token = "";
  for (let i = 0; i < 50 && !token; i++) {
    const box = await (await request.get(`/api/dev/mailbox?to=${encodeURIComponent(email)}`)).json();
    token = decodeURIComponent(/[?&]token=([^\s&"<]+)/.exec(box.items[0]?.text ?? "")?.[1] ?? "");
    if (!token) await new Promise((r) => setTimeout(r, 100));
  }
  await request.post("/api/auth/verify-email", { data: { token } });
  const login = await request.post("/api/auth/login", { data: { email, password } });
  if (!login.ok()) throw new Error(`login failed: ${login.status()}`);
  return { email, password };
}
