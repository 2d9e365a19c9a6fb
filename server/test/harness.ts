import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { createApp } from "../src/app";
import type { Deps } from "../src/context";
import { type Database, openDatabase } from "../src/db/client";
import { parseEnv } from "../src/env";
import { systemClock } from "../src/lib/clock";
import { createLogger } from "../src/lib/logger";
import { createStorage } from "../src/storage";
import { seedDatabase } from "../src/db/seed";
import { appMeta } from "../src/db/schema";
import { FIRST_ADMIN_KEY } from "../src/auth/auth.repo";
import { EventBus } from "../src/jobs/events";
import { ModelCatalog } from "../src/modules/models/models.service";
import { FalProvider } from "../src/providers/fal";
import { LocalProvider } from "../src/providers/local";
import { ProviderRegistry } from "../src/providers/registry";
import { isolatedDatabase, openPglite } from "./ops/databases";

export interface TestApp {
  deps: Deps;
  app: ReturnType<typeof createApp>;
  request: (path: string, init?: RequestInit) => Promise<Response>;
  close: () => Promise<void>;
}

let shared: Promise<Database> | undefined;

/**
 * The database test files share: the run's PostgreSQL database, or an in-memory PGlite per test process (the
 * server suites run without per-file isolation, so the files one process runs share it — as every file shares the
 * PostgreSQL database). Tests make their own users and never assume a table is theirs alone; ownDatabase is for
 * those that must.
 */
async function database(): Promise<Database> {
  shared ??= (async () => {
    const url = inject("databaseUrl") || undefined;
    const db = url ? await openDatabase({ url, poolSize: 4 }) : await openPglite();
    if (!url) await db.migrate();
    await seedDatabase(db.db);
    return db;
  })();
  return shared;
}

/**
 * A database of this file's own, for tests that run a worker or reason about the whole queue (a worker claims
 * any waiting job, so other files' jobs would run first or in between): a fresh migrated one, dropped on close.
 */
async function ownDatabase(): Promise<{ db: Database; drop: () => Promise<void> }> {
  const { database: db, drop } = await isolatedDatabase();
  await seedDatabase(db.db);
  return { db, drop };
}

/** Storage for tests: the S3 test server when S3_TEST_ENDPOINT is set, else a temp directory. */
function testStorage(tmp: string) {
  const endpoint = process.env.S3_TEST_ENDPOINT;
  if (endpoint) {
    return createStorage({
      driver: "s3",
      endpoint,
      region: process.env.S3_TEST_REGION ?? "us-east-1",
      bucket: `${process.env.S3_TEST_BUCKET ?? "image-studio-test"}-${randomUUID().slice(0, 8)}`,
      accessKeyId: process.env.S3_TEST_ACCESS_KEY ?? "S3RVER",
      secretAccessKey: process.env.S3_TEST_SECRET_KEY ?? "S3RVER",
      forcePathStyle: true,
    });
  }
  return createStorage({ driver: "local", root: path.join(tmp, "objects") });
}

export interface TestAppOptions {
  /** A database no other test file writes to (see ownDatabase). */
  ownDatabase?: boolean;
}

export async function createTestApp(
  envOverrides: Record<string, string> = {},
  options: TestAppOptions = {},
): Promise<TestApp> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "image-studio-test-"));
  const env = parseEnv({
    NODE_ENV: "test",
    DATA_DIR: tmp,
    BETTER_AUTH_SECRET: "test-secret-test-secret-test-secret-0123",
    APP_URL: "http://localhost:3000",
    LOG_LEVEL: "silent",
    WORKER_IN_PROCESS: "false",
    // Tests pick their client address with X-Forwarded-For (each signUp() gets its own, so rate limits don't collide).
    TRUST_PROXY: "true",
    // In-process requests have no socket, so they are never "this machine": tests read mail through an open mailbox.
    DEV_MAILBOX: "open",
    ...envOverrides,
  });
  const own = options.ownDatabase ? await ownDatabase() : undefined;
  const db = own?.db ?? (await database());
  // The "first user of a fresh install is an admin" rule must not make a random test's user an admin.
  await db.db.insert(appMeta).values({ key: FIRST_ADMIN_KEY, value: { by: "test harness" } }).onConflictDoNothing();
  const log = createLogger("silent");
  // The local engine runs fast in tests; fal points at whatever FAL_QUEUE_URL the test gives (a local fake).
  const providers = new ProviderRegistry(
    new LocalProvider({ stepMs: 5 }),
    env.FAL_KEY ? new FalProvider({ key: env.FAL_KEY, queueUrl: env.FAL_QUEUE_URL, logger: log }) : undefined,
  );
  const events = new EventBus(undefined, log);
  const deps: Deps = {
    env,
    database: db,
    storage: testStorage(tmp),
    log,
    clock: systemClock,
    version: "test",
    providers,
    events,
    catalog: new ModelCatalog(db.db, providers),
  };
  const app = createApp(deps);
  return {
    deps,
    app,
    request: (p, init) => Promise.resolve(app.request(p, init)),
    close: async () => {
      await own?.drop();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Accounts: sign a fresh user up the way a person does (register → link from the dev mailbox → sign in).

export const TEST_ORIGIN = "http://localhost:3000";
export const TEST_PASSWORD = "correct horse battery staple";

/** A random client address, so each caller gets its own per-IP rate-limit bucket. */
export function randomIp(): string {
  const b = () => Math.floor(Math.random() * 254) + 1;
  return `10.${b()}.${b()}.${b()}`;
}

/** The `name=value` pairs a response sets (deleted cookies left out), merged over an existing Cookie header. */
export function cookieFrom(res: Response, previous = ""): string {
  const jar = new Map<string, string>();
  for (const part of previous.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k) jar.set(k, v.join("="));
  }
  for (const sc of res.headers.getSetCookie()) {
    const [pair, ...attrs] = sc.split(";");
    const [k, ...v] = (pair ?? "").trim().split("=");
    if (!k) continue;
    const value = v.join("=");
    const expired = !value || attrs.some((a) => /^\s*max-age=0\s*$/i.test(a));
    if (expired) jar.delete(k);
    else jar.set(k, value);
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

export interface JsonRequestInit {
  method?: string;
  body?: unknown;
  cookie?: string;
  ip?: string;
  headers?: Record<string, string>;
}

/** A same-origin JSON request, as the SPA makes it (Origin header, optional cookie and client address). */
export function jsonRequest(t: TestApp, path: string, init: JsonRequestInit = {}): Promise<Response> {
  const headers: Record<string, string> = { Origin: TEST_ORIGIN, Accept: "application/json", ...init.headers };
  if (init.body !== undefined) headers["Content-Type"] = "application/json";
  if (init.cookie) headers.Cookie = init.cookie;
  headers["X-Forwarded-For"] = init.ip ?? headers["X-Forwarded-For"] ?? randomIp();
  return t.request(path, { method: init.method ?? (init.body === undefined ? "GET" : "POST"), headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
}

export interface DevMailItem {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  createdAt: string;
}

/** Mail the app sent to `to` (newest first), from the dev mailbox API. */
export async function mailTo(t: TestApp, to: string): Promise<DevMailItem[]> {
  const res = await t.request(`/api/dev/mailbox?to=${encodeURIComponent(to)}`);
  if (!res.ok) throw new Error(`dev mailbox answered ${res.status}`);
  return ((await res.json()) as { items: DevMailItem[] }).items;
}

/** The first `?token=` link in the newest mail to `to` whose subject matches. */
export async function tokenFromMail(t: TestApp, to: string, subject: RegExp): Promise<string> {
  const mail = (await mailTo(t, to)).find((m) => subject.test(m.subject));
  if (!mail) throw new Error(`no mail to ${to} matching ${subject}`);
  const m = /[?&]token=([^\s&"<]+)/.exec(mail.text);
  if (!m) throw new Error(`no token link in "${mail.subject}"`);
  return decodeURIComponent(m[1]!);
}

export interface SignedUpUser {
  /** Cookie header value carrying the session. */
  cookie: string;
  user: { id: string; email: string; name: string; role: string; creditsBalance: number; [key: string]: unknown };
  email: string;
  password: string;
  /** The client address used for this user's requests. */
  ip: string;
}

/**
 * Registers a new user, confirms the email with the link from the dev mailbox and signs in.
 * `overrides` may set email, password, name or the client ip.
 */
export async function signUp(t: TestApp, overrides: { email?: string; password?: string; name?: string; ip?: string } = {}): Promise<SignedUpUser> {
  const email = (overrides.email ?? `user-${randomUUID()}@example.test`).toLowerCase();
  const password = overrides.password ?? TEST_PASSWORD;
  const ip = overrides.ip ?? randomIp();
  const reg = await jsonRequest(t, "/api/auth/register", { body: { email, password, name: overrides.name ?? "Test User" }, ip });
  if (reg.status !== 201) throw new Error(`register failed: ${reg.status} ${await reg.text()}`);
  const token = await tokenFromMail(t, email, /confirm your email/i);
  const verify = await jsonRequest(t, "/api/auth/verify-email", { body: { token }, ip });
  if (!verify.ok) throw new Error(`verify failed: ${verify.status} ${await verify.text()}`);
  const login = await jsonRequest(t, "/api/auth/login", { body: { email, password }, ip });
  if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const body = (await login.json()) as { user: SignedUpUser["user"] };
  return { cookie: cookieFrom(login), user: body.user, email, password, ip };
}
