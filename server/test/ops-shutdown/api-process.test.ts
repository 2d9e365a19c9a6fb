import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { signUp, type TestApp, TEST_ORIGIN } from "../harness";

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

interface LogLine {
  msg: string;
  [k: string]: unknown;
}

/** Starts the API the way `pnpm start` does (from source through tsx), on a free port and its own data folder. */
function startApi() {
  const cwd = mkdtempSync(path.join(os.tmpdir(), "image-studio-api-proc-"));
  const child = spawn(path.join(serverDir, "node_modules/.bin/tsx"), [path.join(serverDir, "src/index.ts")], {
    cwd, // no stray .env is read
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? cwd,
      DATA_DIR: cwd,
      PORT: "0",
      HOST: "127.0.0.1",
      TRUST_PROXY: "true",
      // The harness's sign-up flow sends Origin TEST_ORIGIN and reads its mail as a remote visitor would.
      APP_URL: TEST_ORIGIN,
      DEV_MAILBOX: "open",
      SHUTDOWN_DRAIN_SECONDS: "20",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: LogLine[] = [];
  const waiters: { msg: string; resolve: (l: LogLine) => void }[] = [];
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  createInterface({ input: child.stdout }).on("line", (raw) => {
    try {
      const line = JSON.parse(raw) as LogLine;
      lines.push(line);
      for (const w of waiters.filter((w) => line.msg.startsWith(w.msg))) w.resolve(line);
    } catch {
      // not a log line
    }
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const next = (msg: string) =>
    new Promise<LogLine>((resolve, reject) => {
      const seen = lines.find((l) => l.msg.startsWith(msg));
      if (seen) return resolve(seen);
      waiters.push({ msg, resolve });
      void exited.then((code) => reject(new Error(`API exited (${code}) before logging "${msg}": ${stderr}`)));
    });
  const cleanup = () => {
    if (child.exitCode === null) child.kill("SIGKILL");
    rmSync(cwd, { recursive: true, force: true });
  };
  return { child, next, exited, cleanup };
}

describe("the API process on SIGTERM", () => {
  let started: ReturnType<typeof startApi> | undefined;
  afterAll(() => started?.cleanup());

  it("ends a live event stream with a retry hint, then exits 0 and logs its stop", { timeout: 90_000 }, async () => {
    const api = (started = startApi());
    const { port } = (await api.next("Image Studio listening")) as LogLine & { port: number };
    const base = `http://127.0.0.1:${port}`;
    // Over real HTTP: the harness's sign-up flow, pointed at the process.
    const remote = { request: (p: string, init?: RequestInit) => fetch(base + p, init) } as unknown as TestApp;
    const u = await signUp(remote);
    const events = await fetch(`${base}/api/generate/events`, {
      headers: { Cookie: u.cookie, Origin: TEST_ORIGIN, "X-Forwarded-For": u.ip },
    });
    expect(events.status).toBe(200);
    const reader = events.body!.getReader();
    let sse = "";
    while (!sse.includes("event: ready")) sse += new TextDecoder().decode((await reader.read()).value);

    api.child.kill("SIGTERM");
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      sse += new TextDecoder().decode(value);
    }
    expect(sse).toMatch(/event: reconnect\n(data: \{\}\n)?retry: \d+\n/);
    expect(await api.exited).toBe(0);
    const stopped = await api.next("stopped");
    expect(stopped).toMatchObject({ signal: "SIGTERM", cutConnections: false, releasedJobs: 0 });
  });
});
