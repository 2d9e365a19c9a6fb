import { HeadBucketCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chunked, readBody, storageContract } from "./contract";
import { createStorage } from "./index";
import { originalKey, userPrefix, variantKey } from "./keys";
import { S3Storage, type S3StorageOptions } from "./s3";
import { listAll } from "./types";

// Tests may read the S3 test server's settings directly (CI can provide an external s3rver or MinIO).
// eslint-disable-next-line no-restricted-properties
const env = process.env;
const external = env.S3_TEST_ENDPOINT || undefined;

let server: S3rver | undefined;
let endpoint = external ?? "";
const tmp = mkdtempSync(path.join(os.tmpdir(), "storage-s3-"));

beforeAll(async () => {
  if (external) return;
  server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: tmp });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

/** A fresh bucket name per call, so runs never share state and bucket creation is always exercised. */
function options(overrides: Partial<S3StorageOptions> = {}): S3StorageOptions {
  return {
    endpoint,
    region: env.S3_TEST_REGION || "us-east-1",
    bucket: `${env.S3_TEST_BUCKET || "storage-test"}-${randomUUID().slice(0, 8)}`,
    accessKeyId: (external && env.S3_TEST_ACCESS_KEY) || "S3RVER",
    secretAccessKey: (external && env.S3_TEST_SECRET_KEY) || "S3RVER",
    forcePathStyle: true,
    ...overrides,
  };
}

storageContract("s3", () => createStorage({ driver: "s3", ...options() }));

describe("s3 storage specifics", () => {
  it("creates its bucket on first use", async () => {
    const opts = options();
    const raw = new S3Client({
      endpoint,
      region: opts.region,
      forcePathStyle: true,
      credentials: { accessKeyId: opts.accessKeyId, secretAccessKey: opts.secretAccessKey },
    });
    const headBucket = () =>
      raw.send(new HeadBucketCommand({ Bucket: opts.bucket })).then(
        () => "exists",
        (e: { $metadata?: { httpStatusCode?: number } }) => e.$metadata?.httpStatusCode,
      );
    expect(await headBucket()).toBe(404);
    const s = new S3Storage(opts);
    expect(await s.get(originalKey(randomUUID(), randomUUID(), "png"))).toBeNull();
    expect(await headBucket()).toBe("exists");
    // A second instance finds the bucket already there.
    expect(await new S3Storage(opts).check()).toEqual({ ok: true });
    raw.destroy();
  });

  it("uploads large streams and large buffers in parts, small buffers in one request", async () => {
    const s = new S3Storage(options());
    const sent: string[] = [];
    s.client.middlewareStack.add(
      (next, context) => (args) => {
        sent.push(String(context.commandName).replace(/Command$/, ""));
        return next(args);
      },
      { step: "initialize", name: "recordCommands" },
    );
    const user = randomUUID();
    const data = randomBytes(11 * 1024 * 1024);
    const key = originalKey(user, randomUUID(), "png");
    await s.put(key, chunked(data), { contentType: "image/png" });
    expect(sent.filter((c) => c !== "HeadBucket" && c !== "CreateBucket")).toEqual([
      "CreateMultipartUpload",
      "UploadPart",
      "UploadPart",
      "UploadPart",
      "CompleteMultipartUpload",
    ]);
    expect(sha256(await readBody((await s.get(key))!.body))).toBe(sha256(data));
    sent.length = 0;
    await s.put(key, data, { contentType: "image/png" });
    expect(sent.filter((c) => c === "UploadPart")).toHaveLength(3);
    sent.length = 0;
    await s.put(key, data.subarray(0, 5 * 1024 * 1024), { contentType: "image/png" });
    expect(sent).toEqual(["PutObject"]);
  });

  it("configures its client so streamed PutObject bodies are stored as sent", async () => {
    // With the SDK's default checksum mode, s3rver stores the aws-chunked framing as part of the object.
    const s = new S3Storage(options());
    await s.ensureBucket();
    const data = randomBytes(300_000);
    const Key = originalKey(randomUUID(), randomUUID(), "png");
    await s.client.send(
      new PutObjectCommand({ Bucket: s.bucket, Key, Body: chunked(data), ContentLength: data.length }),
    );
    const back = await readBody((await s.get(Key))!.body);
    expect(back.length).toBe(data.length);
    expect(back.equals(data)).toBe(true);
  });

  it("lists and deletes across pages and delete batches", async () => {
    // pageSize 7 exercises the same paging as S3's 1000 without writing thousands of objects.
    const s = new S3Storage(options({ pageSize: 7 }));
    const user = randomUUID();
    const img = randomUUID();
    const keys = Array.from({ length: 30 }, (_, i) => variantKey(user, img, `v-${String(i).padStart(4, "0")}.webp`));
    await Promise.all(keys.map((k, i) => s.put(k, Buffer.alloc(i + 1), { contentType: "image/webp" })));
    const other = originalKey(randomUUID(), img, "png");
    await s.put(other, Buffer.from("another user"), { contentType: "image/png" });
    expect((await listAll(s, userPrefix(user))).map((o) => o.key)).toEqual(keys);
    expect(await s.usage(userPrefix(user))).toEqual({ bytes: (30 * 31) / 2, count: 30 });
    expect(await s.deleteByPrefix(userPrefix(user))).toBe(30);
    expect(await s.usage(userPrefix(user))).toEqual({ bytes: 0, count: 0 });
    expect(await s.exists(other)).toBe(true);
  });

  it("serves a range correctly even when the server over-delivers", async () => {
    const s = new S3Storage(options());
    const key = originalKey(randomUUID(), randomUUID(), "png");
    await s.put(key, Buffer.from("0123456789"), { contentType: "image/png" });
    const got = await s.get(key, { range: { start: 0, end: 0 } }); // s3rver sends all 10 bytes for "bytes=0-0"
    expect((await readBody(got!.body)).toString()).toBe("0");
  });

  it("reports an unreachable server as unhealthy instead of throwing", async () => {
    const s = new S3Storage(options({ endpoint: "http://127.0.0.1:1" }));
    const health = await s.check();
    expect(health.ok).toBe(false);
    expect(health.detail).toMatch(/ECONNREFUSED|connect/i);
  });
});
