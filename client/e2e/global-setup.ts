import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { E2E_ADMIN_EMAIL, E2E_PASSWORD } from "./auth-helpers";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const addr = s.address();
      s.close(() => (typeof addr === "object" && addr ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });
}


/**
 * Registers and confirms the e2e install's admin through the API, as a person would (files sign in with
 * `signInAsAdmin`). Done once, here: registering an address that exists answers 201 as well (no account
 * enumeration) but sends no new confirmation, so files that each tried to make it raced on which came first.
 */
async function createAdmin(baseURL: string) {
  const post = (p: string, body: unknown) =>
    fetch(`${baseURL}${p}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const reg = await post("/api/auth/register", { name: "E2E Admin", email: E2E_ADMIN_EMAIL, password: E2E_PASSWORD });
  if (reg.status !== 201) throw new Error(`admin registration answered ${reg.status}: ${await reg.text()}`);
  const mail = (await (await fetch(`${baseURL}/api/dev/mailbox?to=${encodeURIComponent(E2E_ADMIN_EMAIL)}`)).json()) as {
    items: { subject: string; text: string }[];
  };
  const text = mail.items.find((m) => /confirm your email/i.test(m.subject))?.text ?? "";
  const token = /[?&]token=([^\s&]+)/.exec(text)?.[1];
  if (!token) throw new Error("no confirmation mail for the admin");
  const verify = await post("/api/auth/verify-email", { token: decodeURIComponent(token) });
  if (verify.status !== 200) throw new Error(`admin confirmation answered ${verify.status}: ${await verify.text()}`);
}

/** Starts the built app (`node server/dist/index.js`) on embedded defaults in a temp DATA_DIR. */
export default async function setup(project: TestProject) {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "image-studio-e2e-"));
  const baseURL = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, ["server/dist/index.js"], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      APP_URL: baseURL,
      DATA_DIR: dataDir,
      BETTER_AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-0123456",
      LOG_LEVEL: "warn",
      // Browser contexts send X-Forwarded-For (see browser.ts newContext) like visitors behind a proxy.
      TRUST_PROXY: "true",
      // The tests read verification mail as remote visitors would; production keeps it to this machine.
      DEV_MAILBOX: "open",
      // The webhook tests' receiver listens on this machine, which the SSRF guard otherwise refuses.
      WEBHOOK_ALLOW_PRIVATE_TARGETS: "true",
      // The admin made below (also the first account, so no test user becomes an admin by the first-user rule).
      ADMIN_EMAILS: E2E_ADMIN_EMAIL,
      // E2E_S3_ENDPOINT (e.g. an s3rver from scripts/s3rver.mjs): the app stores files there and hands the browser
      // redirects to signed bucket URLs, so the service worker and offline saving are tested across origins.
      ...(process.env.E2E_S3_ENDPOINT
        ? { S3_ENDPOINT: process.env.E2E_S3_ENDPOINT, S3_BUCKET: `e2e-${Date.now()}`, S3_ACCESS_KEY: "S3RVER", S3_SECRET_KEY: "S3RVER", S3_FORCE_PATH_STYLE: "true" }
        : {}),
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  // A loaded machine (parallel builds) can take a minute just to open and migrate the embedded database.
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${baseURL}/api/health`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error("the app did not become healthy within 180 s");
    await new Promise((r) => setTimeout(r, 250));
  }
  await createAdmin(baseURL);
  project.provide("baseURL", baseURL);
  return async () => {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
    rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
  }
}
