import type { PutObjectCommandInput, S3Client } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { pipeline, Readable, Transform } from "node:stream";

/** Helpers for the S3 driver: error classification, response metadata, range repair. */

export const status = (err: unknown) => (err as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
export const errName = (err: unknown) => (err as { name?: string })?.name ?? "";
/** NoSuchKey / NotFound (HEAD has no body, so only the status says it). A missing bucket is not "missing". */
export const isMissing = (err: unknown) =>
  ["NoSuchKey", "NotFound"].includes(errName(err)) || (status(err) === 404 && errName(err) !== "NoSuchBucket");

export function metaOf(out: { ContentType?: string; ETag?: string; LastModified?: Date; CacheControl?: string }) {
  return {
    contentType: out.ContentType ?? "application/octet-stream",
    etag: out.ETag ?? "",
    lastModified: out.LastModified ?? new Date(0),
    ...(out.CacheControl ? { cacheControl: out.CacheControl } : {}),
  };
}

export function parseContentRange(value: string | undefined): { start: number; end: number; size: number } | undefined {
  const m = value ? /^bytes (\d+)-(\d+)\/(\d+)$/.exec(value) : null;
  return m ? { start: Number(m[1]), end: Number(m[2]), size: Number(m[3]) } : undefined;
}

/** `take` bytes of `src` after skipping `skip`; stops reading (and closes the socket) once done. */
export function sliceStream(src: Readable, skip: number, take: number): Readable {
  async function* slice() {
    let pos = 0;
    const stop = skip + take;
    try {
      for await (const chunk of src) {
        const buf = chunk as Buffer;
        const from = Math.max(0, skip - pos);
        const to = Math.min(buf.length, stop - pos);
        pos += buf.length;
        if (to > from) yield buf.subarray(from, to);
        if (pos >= stop) return;
      }
    } finally {
      src.destroy();
    }
  }
  return Readable.from(slice(), { objectMode: false });
}

/**
 * Uploads a stream (or a large Buffer) in parts of `partSize` (lib-storage sends a single PutObject when the
 * whole body fits in one part). Counts the bytes on the way; a failed source stream is the error reported.
 */
export async function multipartUpload(
  client: S3Client,
  params: PutObjectCommandInput & { Body: Buffer | Readable },
  partSize: number,
): Promise<{ etag: string | undefined; size: number }> {
  const body = params.Body;
  let size = 0;
  let sourceError: Error | undefined;
  const counted = Buffer.isBuffer(body)
    ? body
    : pipeline(
        body,
        new Transform({
          transform(chunk: Buffer, _enc, cb) {
            size += chunk.length;
            cb(null, chunk);
          },
        }),
        (err) => {
          sourceError = err ?? undefined;
        },
      );
  const upload = new Upload({
    client,
    params: { ...params, Body: counted },
    partSize,
    queueSize: 4,
    leavePartsOnError: false,
  });
  try {
    const out = (await upload.done()) as { ETag?: string };
    return { etag: out.ETag, size: Buffer.isBuffer(body) ? body.length : size };
  } catch (err) {
    if (!Buffer.isBuffer(counted)) counted.destroy(); // stop reading the caller's stream
    // Report why the body failed, not a follow-up error (s3rver, for one, rejects AbortMultipartUpload).
    throw sourceError ?? err;
  }
}
