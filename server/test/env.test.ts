import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "../src/env";

const tmp = () => mkdtempSync(path.join(os.tmpdir(), "env-test-"));

describe("parseEnv", () => {
  it("runs on embedded defaults with nothing configured", () => {
    const dir = tmp();
    const env = parseEnv({ DATA_DIR: dir });
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.storage).toEqual({ driver: "local", root: path.join(dir, "objects") });
    expect(env.FAL_KEY).toBeUndefined();
    // A secret is generated and kept, so sessions survive a restart.
    expect(env.BETTER_AUTH_SECRET).toBe(readFileSync(path.join(dir, "auth-secret"), "utf8"));
    expect(parseEnv({ DATA_DIR: dir }).BETTER_AUTH_SECRET).toBe(env.BETTER_AUTH_SECRET);
  });

  it("names the bad key in one line", () => {
    expect(() => parseEnv({ DATA_DIR: tmp(), PORT: "eighty" })).toThrow(EnvError);
    expect(() => parseEnv({ DATA_DIR: tmp(), PORT: "eighty" })).toThrow(/^Invalid configuration: PORT /);
    expect(() => parseEnv({ DATA_DIR: tmp(), DATABASE_URL: "not a url" })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ DATA_DIR: tmp(), FAL_KEY: "nocolon" })).toThrow(/FAL_KEY must look like/);
  });

  it("accepts FAL_API_KEY as an alias of FAL_KEY", () => {
    expect(parseEnv({ DATA_DIR: tmp(), FAL_API_KEY: "id:secret" }).FAL_KEY).toBe("id:secret");
  });

  it("requires every S3 key once S3 is configured", () => {
    expect(() => parseEnv({ DATA_DIR: tmp(), S3_ENDPOINT: "http://localhost:9000", S3_BUCKET: "b" })).toThrow(
      /S3_ACCESS_KEY is required/,
    );
    const env = parseEnv({
      DATA_DIR: tmp(),
      S3_ENDPOINT: "http://localhost:9000",
      S3_BUCKET: "b",
      S3_ACCESS_KEY: "a",
      S3_SECRET_KEY: "s",
    });
    expect(env.storage).toMatchObject({ driver: "s3", bucket: "b", forcePathStyle: true });
  });

  it("hands out signed S3 URLs for 5 minutes unless told otherwise (0 streams through the API)", () => {
    const s3 = { DATA_DIR: tmp(), S3_ENDPOINT: "http://minio:9000", S3_BUCKET: "b", S3_ACCESS_KEY: "a", S3_SECRET_KEY: "s" };
    expect(parseEnv(s3).storage).toMatchObject({ signedUrls: { ttlSeconds: 300, publicEndpoint: undefined, cdnUrl: undefined } });
    const set = parseEnv({ ...s3, FILE_URL_TTL_SECONDS: "0", S3_PUBLIC_ENDPOINT: "http://localhost:9000", CDN_URL: "https://cdn.example.com" });
    expect(set.storage).toMatchObject({ signedUrls: { ttlSeconds: 0, publicEndpoint: "http://localhost:9000", cdnUrl: "https://cdn.example.com" } });
    expect(() => parseEnv({ ...s3, FILE_URL_TTL_SECONDS: "86400" })).toThrow(/FILE_URL_TTL_SECONDS/);
    expect(() => parseEnv({ ...s3, CDN_URL: "not a url" })).toThrow(/CDN_URL/);
  });

  it("requires a secret in production", () => {
    expect(() => parseEnv({ DATA_DIR: tmp(), NODE_ENV: "production" })).toThrow(
      /BETTER_AUTH_SECRET is required in production/,
    );
  });

  it("treats empty values as unset", () => {
    expect(parseEnv({ DATA_DIR: tmp(), DATABASE_URL: "", SMTP_URL: " " }).DATABASE_URL).toBeUndefined();
  });

  it("keeps the dev mailbox to this machine unless opened explicitly, in every mode", () => {
    expect(parseEnv({ DATA_DIR: tmp() }).DEV_MAILBOX).toBe("local");
    expect(parseEnv({ DATA_DIR: tmp(), NODE_ENV: "test" }).DEV_MAILBOX).toBe("local");
    expect(parseEnv({ DATA_DIR: tmp(), NODE_ENV: "production", BETTER_AUTH_SECRET: "x".repeat(32) }).DEV_MAILBOX).toBe(
      "local",
    );
    expect(parseEnv({ DATA_DIR: tmp(), DEV_MAILBOX: "open" }).DEV_MAILBOX).toBe("open");
    expect(() => parseEnv({ DATA_DIR: tmp(), DEV_MAILBOX: "everyone" })).toThrow(/DEV_MAILBOX/);
  });

  it("derives APP_URL from PORT unless it is set", () => {
    expect(parseEnv({ DATA_DIR: tmp() }).APP_URL).toBe("http://localhost:3000");
    expect(parseEnv({ DATA_DIR: tmp(), PORT: "4100" }).APP_URL).toBe("http://localhost:4100");
    expect(parseEnv({ DATA_DIR: tmp(), PORT: "4100", APP_URL: "https://studio.example" }).APP_URL).toBe(
      "https://studio.example",
    );
  });
});
