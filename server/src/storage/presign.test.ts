import { describe, expect, it } from "vitest";
import { presignGet } from "./presign";
import { S3Storage } from "./s3";
import { signedUrlOrigin, signingBase } from "./signed-urls";

// The worked example of https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html
const AWS_EXAMPLE = {
  base: new URL("https://examplebucket.s3.amazonaws.com"),
  key: "test.txt",
  region: "us-east-1",
  accessKeyId: "AKIAIOSFODNN7EXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  signedAt: new Date("2013-05-24T00:00:00Z"),
  expiresIn: 86400,
};

const signature = (url: string) => new URL(url).searchParams.get("X-Amz-Signature");

describe("SigV4 presigned GET", () => {
  it("matches AWS's documented example byte for byte", () => {
    expect(presignGet(AWS_EXAMPLE)).toBe(
      "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404",
    );
  });

  it("signs the key, the response overrides, the time and the host: change one and the signature changes", () => {
    const sig = signature(presignGet(AWS_EXAMPLE));
    expect(signature(presignGet({ ...AWS_EXAMPLE, key: "test2.txt" }))).not.toBe(sig);
    expect(signature(presignGet({ ...AWS_EXAMPLE, query: { "response-content-disposition": "attachment" } }))).not.toBe(sig);
    expect(signature(presignGet({ ...AWS_EXAMPLE, signedAt: new Date("2013-05-24T00:00:01Z") }))).not.toBe(sig);
    expect(signature(presignGet({ ...AWS_EXAMPLE, base: new URL("https://otherbucket.s3.amazonaws.com") }))).not.toBe(sig);
    expect(signature(presignGet({ ...AWS_EXAMPLE, secretAccessKey: "another secret" }))).not.toBe(sig);
  });

  it("encodes keys per segment and overrides as RFC 3986 query values", () => {
    const url = new URL(presignGet({ ...AWS_EXAMPLE, base: new URL("http://127.0.0.1:9000/bucket"), key: "users/a b/x(1).png", query: { "response-content-disposition": `attachment; filename="x.png"` } }));
    expect(url.pathname).toBe("/bucket/users/a%20b/x%281%29.png");
    expect(url.searchParams.get("response-content-disposition")).toBe(`attachment; filename="x.png"`);
    expect(url.search).toContain("response-content-disposition=attachment%3B%20filename%3D%22x.png%22");
  });
});

describe("S3 storage signed URLs", () => {
  const opts = { region: "eu-west-1", bucket: "pics", accessKeyId: "AK", secretAccessKey: "SK" };

  it("are off unless a positive TTL is configured (files then stream through the API)", () => {
    const now = new Date();
    expect(new S3Storage({ ...opts, forcePathStyle: true, endpoint: "http://127.0.0.1:9000" }).signedUrl("users/x", { now })).toBeUndefined();
    const off = new S3Storage({ ...opts, forcePathStyle: true, endpoint: "http://127.0.0.1:9000", signedUrls: { ttlSeconds: 0 } });
    expect(off.signedUrl("users/x", { now })).toBeUndefined();
    expect(off.signedUrlOrigin).toBeUndefined();
  });

  it("point at the public endpoint, a virtual-hosted bucket or a CDN, and the CSP origin follows", () => {
    const path = { ...opts, forcePathStyle: true, endpoint: "http://minio:9000", signedUrls: { ttlSeconds: 60, publicEndpoint: "https://files.example.com" } };
    expect(signingBase(path).href).toBe("https://files.example.com/pics");
    expect(signedUrlOrigin(path)).toBe("https://files.example.com");
    const aws = { ...opts, forcePathStyle: false, signedUrls: { ttlSeconds: 60 } };
    expect(signingBase(aws).href).toBe("https://pics.s3.eu-west-1.amazonaws.com/");
    const cdn = new S3Storage({ ...aws, signedUrls: { ttlSeconds: 60, cdnUrl: "https://cdn.example.com/" } });
    expect(cdn.signedUrlOrigin).toBe("https://cdn.example.com");
    const url = new URL(cdn.signedUrl("users/k.webp", { now: new Date() })!);
    expect(url.origin).toBe("https://cdn.example.com");
    expect(url.pathname).toBe("/users/k.webp");
    expect(url.searchParams.get("X-Amz-Expires")).toBe("60");
  });

  it("round the signing time to half the TTL: one URL per window, valid between TTL/2 and TTL from now", () => {
    const s = new S3Storage({ ...opts, forcePathStyle: true, endpoint: "http://127.0.0.1:9000", signedUrls: { ttlSeconds: 300 } });
    const t0 = new Date("2026-01-01T00:00:00Z");
    const at = (ms: number) => s.signedUrl("users/k.webp", { now: new Date(t0.getTime() + ms) })!;
    expect(at(149_000)).toBe(at(0));
    expect(at(150_000)).not.toBe(at(0));
    expect(new URL(at(149_000)).searchParams.get("X-Amz-Date")).toBe("20260101T000000Z");
    expect(() => s.signedUrl("../etc/passwd", { now: t0 })).toThrow(/Invalid storage key/);
  });
});
