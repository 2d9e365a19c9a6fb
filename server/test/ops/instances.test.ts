import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { closeDeps, createDeps } from "../../src/bootstrap";
import type { Db } from "../../src/db/client";
import { parseEnv } from "../../src/env";
import { InstanceHeartbeat, SecretMismatchError, secretFingerprint } from "../../src/jobs/instance";
import { createLogger } from "../../src/lib/logger";
import { isolatedDatabase, postgresUrl } from "./databases";

const SECRET_A = "a".repeat(40);
const SECRET_B = "b".repeat(40);
const log = createLogger("silent");
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const processOn = (db: Db, secret: string, role: "api" | "worker" = "api") => {
  const p = new InstanceHeartbeat(db, { role, version: "test", secret }, { heartbeatMs: 60_000, liveMs: 60_000 }, log);
  cleanups.push(() => p.stop());
  return p;
};

describe("processes sharing one database", () => {
  it("never stores the secret, only a fingerprint that tells secrets apart", () => {
    expect(secretFingerprint(SECRET_A)).toBe(secretFingerprint(SECRET_A));
    expect(secretFingerprint(SECRET_A)).not.toBe(secretFingerprint(SECRET_B));
    expect(secretFingerprint(SECRET_A)).not.toContain("aaaa");
  });

  it("refuses a process whose auth secret differs from a live one's, with a message naming the fix", async () => {
    const { database, drop } = await isolatedDatabase();
    cleanups.push(drop);
    await processOn(database.db, SECRET_A).start();
    await processOn(database.db, SECRET_A, "worker").start(); // the same secret: welcome
    const other = processOn(database.db, SECRET_B);
    const refused = other.start();
    await expect(refused).rejects.toBeInstanceOf(SecretMismatchError);
    await expect(refused).rejects.toThrow(/BETTER_AUTH_SECRET differs from the one used by 2 running process/);
    await expect(refused).rejects.toThrow(/same BETTER_AUTH_SECRET.*NODE_ENV=production/s);
  });

  it("accepts a new secret once every process with the old one has stopped", async () => {
    const { database, drop } = await isolatedDatabase();
    cleanups.push(drop);
    const old = processOn(database.db, SECRET_A);
    await old.start();
    await old.stop();
    await expect(processOn(database.db, SECRET_B).start()).resolves.toBeUndefined();
  });

  it("a process that stopped beating (killed) does not block a new secret after the lease time", async () => {
    const { database, drop } = await isolatedDatabase();
    cleanups.push(drop);
    const killed = new InstanceHeartbeat(
      database.db,
      { role: "worker", version: "test", secret: SECRET_A },
      { heartbeatMs: 60_000, liveMs: 60_000 },
      log,
    );
    await killed.start(); // never stopped: its row stays, as after kill -9
    const fresh = new InstanceHeartbeat(
      database.db,
      { role: "api", version: "test", secret: SECRET_B },
      { heartbeatMs: 60_000, liveMs: 0 },
      log,
    );
    cleanups.push(() => fresh.stop());
    await expect(fresh.start()).resolves.toBeUndefined();
  });

  it.skipIf(!postgresUrl())(
    "of two processes started at once with different secrets, exactly one runs (PostgreSQL)",
    async () => {
      const { database, drop } = await isolatedDatabase();
      cleanups.push(drop);
      const results = await Promise.allSettled([
        processOn(database.db, SECRET_A).start(),
        processOn(database.db, SECRET_B).start(),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(results.filter((r) => r.status === "rejected" && r.reason instanceof SecretMismatchError)).toHaveLength(1);
    },
  );

  it.skipIf(!postgresUrl())(
    "a second API process with another BETTER_AUTH_SECRET does not start (PostgreSQL)",
    async () => {
      const { url, drop } = await isolatedDatabase();
      cleanups.push(drop);
      const envFor = (secret: string) => {
        const dir = mkdtempSync(path.join(os.tmpdir(), "image-studio-secret-"));
        cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
        return parseEnv({
          NODE_ENV: "production",
          DATA_DIR: dir,
          DATABASE_URL: url!,
          BETTER_AUTH_SECRET: secret,
          LOG_LEVEL: "silent",
        });
      };
      const first = await createDeps(envFor(SECRET_A), log);
      cleanups.push(() => closeDeps(first));
      await expect(createDeps(envFor(SECRET_B), log)).rejects.toThrow(/Refusing to start: BETTER_AUTH_SECRET differs/);
      const same = await createDeps(envFor(SECRET_A), log);
      await closeDeps(same);
    },
  );
});
