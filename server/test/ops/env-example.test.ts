import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "dotenv";
import { describe, expect, it } from "vitest";
import { ENV_KEYS, parseEnv } from "../../src/env";

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../.env.example");
const text = readFileSync(file, "utf8");
const values = parse(text);
const dataDir = () => mkdtempSync(path.join(os.tmpdir(), "env-example-"));

describe(".env.example", () => {
  it("is production-ready: NODE_ENV=production, and it refuses to start until BETTER_AUTH_SECRET is set", () => {
    expect(values.NODE_ENV).toBe("production");
    expect(() => parseEnv({ ...values, DATA_DIR: dataDir() })).toThrow(/BETTER_AUTH_SECRET is required in production/);
    const env = parseEnv({ ...values, DATA_DIR: dataDir(), BETTER_AUTH_SECRET: "s".repeat(40) });
    expect(env).toMatchObject({
      isProduction: true,
      WORKER_LEASE_MS: 15_000,
      WORKER_HEARTBEAT_MS: 5000,
      MIGRATE_ON_START: true,
    });
  });

  it("mentions every key the server reads", () => {
    const missing = ENV_KEYS.filter((k) => !new RegExp(`^#?\\s*${k}=`, "m").test(text));
    expect(missing).toEqual([]);
  });
});
