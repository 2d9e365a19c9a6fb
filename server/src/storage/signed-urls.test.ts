import { describe, expect, it } from "vitest";
import { S3Storage } from "./s3";
import { signedUrlOrigin, signingBase } from "./signed-urls";

const signature = (url: string | undefined) => new URL(url!).searchParams.get("X-Amz-Signature");

describe("S3 storage signed URLs", () => {
  const opts = { region: "eu-west-1", bucket: "pics", accessKeyId: "AK", secretAccessKey: "SK" };

  it("are off unless a positive TTL is configured (files then stream through the API)", async () => {
    const now = new Date();
    expect(await new S3Storage({ ...opts, forcePathStyle: true, endpoint: "http://127.0.0.1:9000" }).signedUrl("users/x", { now })).toBeUndefined();
    const off = new S3Storage({ ...opts, forcePathStyle: true, endpoint: "http://127.0.0.1:9000", signedUrls: { ttlSeconds: 0 } });
    expect(await off.signedUrl("users/x", { now })).toBeUndefined();
    expect(off.signedUrlOrigin).toBeUndefined();
  });

  it("point at the public endpoint, a virtual-hosted bucket or a CDN, and the CSP origin follows", async () => {
    const path = { ...opts, forcePathStyle: true, endpoint: "http://minio:9000", signedUrls: { ttlSeconds: 60, publicEndpoint: "https://files.example.com" } };
    expect(signingBase(path).href).toBe("https://files.example.com/pics");
    expect(signedUrlOrigin(path)).toBe("https://files.example.com");
    const aws = { ...opts, forcePathStyle: false, signedUrls: { ttlSeconds: 60 } };
    expect(signingBase(aws).href).toBe("https://pics.s3.eu-west-1.amazonaws.com/");
    const cdn = new S3Storage({ ...aws, signedUrls: { ttlSeconds: 60, cdnUrl: "https://cdn.example.com/" } });
    expect(cdn.signedUrlOrigin).toBe("https://cdn.example.com");
    const url = new URL((await cdn.signedUrl("users/k.webp", { now: new Date() }))!);
    expect(url.origin).toBe("https://cdn.example.com");
    expect(url.pathname).toBe("/users/k.webp");
    expect(url.searchParams.get("X-Amz-Expires")).toBe("60");
  });

  it("round the signing time to half the TTL: one URL per window, valid between TTL/2 and TTL from now", async () => {
    const s = new S3Storage({ ...opts, forcePathStyle: true, endpoint: "http://127.0.0.1:9000", signedUrls: { ttlSeconds: 300 } });
    const t0 = new Date("2026-01-01T00:00:00Z");
    const at = async (ms: number) => (await s.signedUrl("users/k.webp", { now: new Date(t0.getTime() + ms) }))!;
    expect(await at(149_000)).toBe(await at(0));
    expect(await at(150_000)).not.toBe(await at(0));
    expect(new URL(await at(149_000)).searchParams.get("X-Amz-Date")).toBe("20260101T000000Z");
    expect(new URL(await at(0)).searchParams.get("X-Amz-Expires")).toBe("300");
    await expect(s.signedUrl("../etc/passwd", { now: t0 })).rejects.toThrow(/Invalid storage key/);
  });

  it("sign the key, the response overrides, the endpoint and the secret: change one and the signature changes", async () => {
    const now = new Date("2026-01-01T00:00:00Z");
    const base = { ...opts, forcePathStyle: true, endpoint: "http://127.0.0.1:9000", signedUrls: { ttlSeconds: 300 } };
    const s = new S3Storage(base);
    const sig = signature(await s.signedUrl("users/k.webp", { now }));
    expect(sig).toMatch(/^[0-9a-f]{64}$/);
    expect(signature(await s.signedUrl("users/k2.webp", { now }))).not.toBe(sig);
    expect(signature(await s.signedUrl("users/k.webp", { now, responseHeaders: { contentDisposition: "attachment" } }))).not.toBe(sig);
    expect(signature(await new S3Storage({ ...base, secretAccessKey: "other" }).signedUrl("users/k.webp", { now }))).not.toBe(sig);
    const pub = await new S3Storage({ ...base, signedUrls: { ttlSeconds: 300, publicEndpoint: "https://files.example.com" } }).signedUrl("users/ab/x_1.png", { now, responseHeaders: { contentDisposition: `attachment; filename="x.png"` } });
    const url = new URL(pub!);
    expect(url.origin).toBe("https://files.example.com");
    expect(url.pathname).toBe("/pics/users/ab/x_1.png");
    expect(url.searchParams.get("response-content-disposition")).toBe(`attachment; filename="x.png"`);
  });
});
