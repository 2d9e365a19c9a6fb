import {
  CreateBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsCommand,
  ListObjectsV2Command,
  PutBucketCorsCommand,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import type { Readable } from "node:stream";
import { errName, isMissing, metaOf, multipartUpload, parseContentRange, sliceStream, status } from "./s3-util";
import {
  type ByteRange,
  type Health,
  type SignedUrlOptions,
  type ListedObject,
  type ObjectMeta,
  type PutOptions,
  RangeNotSatisfiableError,
  type Storage,
  type StoredObject,
  sumSizes,
} from "./types";
import { BROWSER_CORS, type SignedUrlConfig, UrlSigner } from "./signed-urls";
import { assertDeletePrefix, assertKey, assertPrefix, assertPutOptions, assertRange } from "./validate";

export interface S3StorageOptions {
  /** e.g. http://localhost:9000 for MinIO; omit for AWS. */
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
  /** Multipart part size (≥ 5 MiB). Buffers up to this size go up in one PutObject. */
  partSize?: number;
  /** Keys per list page and per batch delete (1-1000, the S3 maximum and the default). */
  pageSize?: number;
  /** Hand browsers presigned URLs instead of streaming through the API (see signedUrl); absent = stream. */
  signedUrls?: SignedUrlConfig;
}

const MIB = 1024 * 1024;

/**
 * S3-compatible storage (AWS, MinIO, s3rver). The bucket is created on first use if missing. Checksums are
 * only computed when an operation requires them: with the SDK's default ("WHEN_SUPPORTED"), a streamed
 * PutObject is sent aws-chunked and s3rver stores the chunk framing as part of the object (see s3.test.ts).
 */
export class S3Storage implements Storage {
  readonly kind = "s3" as const;
  readonly bucket: string;
  readonly client: S3Client;
  private readonly partSize: number;
  private readonly pageSize: number;
  private readonly region: string;
  private bucketReady: Promise<void> | undefined;
  private listV1 = false;
  readonly signedUrlOrigin: string | undefined;
  private readonly signer: UrlSigner | undefined;

  constructor(opts: S3StorageOptions) {
    this.bucket = opts.bucket;
    this.region = opts.region;
    this.partSize = Math.max(5 * MIB, opts.partSize ?? 5 * MIB);
    this.pageSize = Math.min(1000, Math.max(1, Math.floor(opts.pageSize ?? 1000)));
    this.signer = opts.signedUrls && opts.signedUrls.ttlSeconds > 0 ? new UrlSigner({ ...opts, signedUrls: opts.signedUrls }) : undefined;
    this.signedUrlOrigin = this.signer?.origin;
    this.client = new S3Client({
      ...(opts.endpoint ? { endpoint: opts.endpoint } : {}),
      region: opts.region,
      forcePathStyle: opts.forcePathStyle,
      credentials: { accessKeyId: opts.accessKeyId, secretAccessKey: opts.secretAccessKey },
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
    });
  }

  /** Creates the bucket unless it exists; once per instance (retried after a failure). */
  ensureBucket(): Promise<void> {
    this.bucketReady ??= this.createBucketIfMissing().catch((err: unknown) => {
      this.bucketReady = undefined;
      throw err;
    });
    return this.bucketReady;
  }

  private async createBucketIfMissing(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
      return;
    } catch (err) {
      if (status(err) !== 404) throw err;
    }
    const location =
      this.region === "us-east-1" ? {} : { CreateBucketConfiguration: { LocationConstraint: this.region as never } };
    try {
      await this.client.send(new CreateBucketCommand({ Bucket: this.bucket, ...location }));
    } catch (err) {
      if (!["BucketAlreadyOwnedByYou", "BucketAlreadyExists"].includes(errName(err))) throw err;
    }
    // A bucket made here for signed URLs lets pages read what they are redirected to (see BROWSER_CORS).
    if (this.signer) await this.client.send(new PutBucketCorsCommand({ Bucket: this.bucket, CORSConfiguration: BROWSER_CORS }));
  }

  /** Runs an operation after the bucket exists; forgets the bucket if the server says it is gone. */
  private async op<T>(fn: () => Promise<T>): Promise<T> {
    await this.ensureBucket();
    try {
      return await fn();
    } catch (err) {
      if (errName(err) === "NoSuchBucket") this.bucketReady = undefined;
      throw err;
    }
  }

  async put(key: string, body: Buffer | Readable, opts: PutOptions): Promise<{ etag: string; size: number }> {
    assertKey(key);
    assertPutOptions(opts);
    const params = { Bucket: this.bucket, Key: key, ContentType: opts.contentType, CacheControl: opts.cacheControl };
    try {
      return await this.op(async () => {
        if (Buffer.isBuffer(body) && body.length <= this.partSize) {
          const out = await this.client.send(
            new PutObjectCommand({ ...params, Body: body, ContentLength: body.length }),
          );
          return { etag: out.ETag ?? (await this.etagOf(key)), size: body.length };
        }
        const out = await multipartUpload(this.client, { ...params, Body: body }, this.partSize);
        return { etag: out.etag ?? (await this.etagOf(key)), size: out.size };
      });
    } catch (err) {
      if (!Buffer.isBuffer(body)) body.destroy(); // never leave the caller's stream half-read
      throw err;
    }
  }

  private async etagOf(key: string): Promise<string> {
    return (await this.head(key))?.etag ?? "";
  }

  async get(key: string, opts: { range?: ByteRange } = {}): Promise<StoredObject | null> {
    assertKey(key);
    const { range } = opts;
    if (range) assertRange(range);
    const Range = range ? `bytes=${range.start}-${range.end ?? ""}` : undefined;
    let out;
    try {
      out = await this.op(() => this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, Range })));
    } catch (err) {
      if (isMissing(err)) return null;
      if (status(err) === 416 || errName(err) === "InvalidRange")
        throw new RangeNotSatisfiableError(key, (await this.head(key))?.size);
      throw err;
    }
    const body = out.Body as Readable;
    const served = parseContentRange(out.ContentRange);
    const size = served?.size ?? out.ContentLength ?? 0;
    const meta = { size, ...metaOf(out) };
    if (!range) return { ...meta, body };
    if (range.start >= size) {
      body.destroy();
      throw new RangeNotSatisfiableError(key, size);
    }
    const end = Math.min(range.end ?? size - 1, size - 1);
    // Trust but verify: s3rver answers "bytes=0-0" with the whole object, some servers ignore Range entirely.
    const sentStart = served?.start ?? 0;
    const sentEnd = served?.end ?? size - 1;
    if (sentStart > range.start || sentEnd < end) {
      body.destroy();
      throw new Error(`S3 returned bytes ${sentStart}-${sentEnd} of ${key} for a request of ${range.start}-${end}`);
    }
    const exact = sentStart === range.start && sentEnd === end;
    return {
      ...meta,
      body: exact ? body : sliceStream(body, range.start - sentStart, end - range.start + 1),
      range: { start: range.start, end },
    };
  }

  async head(key: string): Promise<ObjectMeta | null> {
    assertKey(key);
    try {
      const out = await this.op(() => this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key })));
      return { size: out.ContentLength ?? 0, ...metaOf(out) };
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async exists(key: string): Promise<boolean> {
    return (await this.head(key)) !== null;
  }

  async delete(key: string): Promise<void> {
    assertKey(key);
    try {
      await this.op(() => this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key })));
    } catch (err) {
      if (!isMissing(err)) throw err; // S3 answers 204 for a missing key; some compatibles say 404
    }
  }

  async deleteByPrefix(prefix: string): Promise<number> {
    assertDeletePrefix(prefix);
    let batch: string[] = [];
    let deleted = 0;
    for await (const o of this.list(prefix)) {
      batch.push(o.key);
      if (batch.length === this.pageSize) {
        deleted += await this.deleteBatch(batch);
        batch = [];
      }
    }
    if (batch.length) deleted += await this.deleteBatch(batch);
    return deleted;
  }

  private async deleteBatch(keys: string[]): Promise<number> {
    const out = await this.op(() =>
      this.client.send(
        new DeleteObjectsCommand({
          Bucket: this.bucket,
          Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true },
        }),
      ),
    );
    const errors = (out.Errors ?? []).filter((e) => e.Code !== "NoSuchKey");
    if (errors.length)
      throw new Error(
        `S3 could not delete ${errors.length} object(s), e.g. ${errors[0]!.Key}: ${errors[0]!.Code} ${errors[0]!.Message ?? ""}`,
      );
    return keys.length;
  }

  list(prefix: string): AsyncIterable<ListedObject> {
    assertPrefix(prefix);
    return this.pages(prefix);
  }

  private async *pages(prefix: string): AsyncGenerator<ListedObject> {
    let token: string | undefined;
    let after: string | undefined;
    for (;;) {
      const page = await this.op(() => this.listPage(prefix, token, after));
      for (const o of page.items) {
        yield o;
        after = o.key;
      }
      if (!page.truncated) return;
      token = page.next;
    }
  }

  /**
   * One page of ListObjectsV2, or of ListObjects (v1, Marker = last key) once V2 has failed with a 500:
   * s3rver mints V2 continuation tokens with DES, which OpenSSL 3 (Node ≥ 17) refuses, so every truncated
   * V2 listing (more keys than one page) fails there.
   */
  private async listPage(prefix: string, token: string | undefined, after: string | undefined) {
    const Prefix = prefix || undefined;
    const items = (contents: { Key?: string; Size?: number }[] | undefined) =>
      (contents ?? []).flatMap((o) => (o.Key ? [{ key: o.Key, size: o.Size ?? 0 }] : []));
    if (!this.listV1) {
      try {
        const out = await this.client.send(
          new ListObjectsV2Command({ Bucket: this.bucket, Prefix, ContinuationToken: token, MaxKeys: this.pageSize }),
        );
        return {
          items: items(out.Contents),
          truncated: !!out.IsTruncated && !!out.NextContinuationToken,
          next: out.NextContinuationToken,
        };
      } catch (err) {
        if (status(err) !== 500) throw err;
        this.listV1 = true;
      }
    }
    const out = await this.client.send(
      new ListObjectsCommand({ Bucket: this.bucket, Prefix, Marker: after, MaxKeys: this.pageSize }),
    );
    const list = items(out.Contents);
    return { items: list, truncated: !!out.IsTruncated && list.length > 0, next: undefined };
  }

  async usage(prefix: string): Promise<{ bytes: number; count: number }> {
    return sumSizes(this.list(prefix));
  }

  /** A presigned GET for `key` (see UrlSigner), or undefined when signed URLs are off. */
  async signedUrl(key: string, opts: SignedUrlOptions): Promise<string | undefined> {
    if (!this.signer) return undefined;
    return this.signer.sign(assertKey(key), opts);
  }

  async check(): Promise<Health> {
    try {
      await this.ensureBucket();
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }), {
        abortSignal: AbortSignal.timeout(5_000),
      });
      return { ok: true };
    } catch (err) {
      this.bucketReady = undefined;
      const code = status(err) ? ` (HTTP ${status(err)})` : "";
      return {
        ok: false,
        detail: `bucket ${this.bucket}: ${errName(err) || "Error"}${code}: ${(err as Error)?.message ?? String(err)}`,
      };
    }
  }
}
