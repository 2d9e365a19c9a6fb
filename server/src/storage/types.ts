import type { Readable } from "node:stream";

/** What is known about a stored object without reading it. */
export interface ObjectMeta {
  /** Total size of the object in bytes (also for range reads). */
  size: number;
  contentType: string;
  /** Quoted, like an HTTP ETag: `"<md5 hex>"` (S3 multipart uploads: `"<hex>-<parts>"`). */
  etag: string;
  lastModified: Date;
  cacheControl?: string;
}

/** An object being read. The caller must consume or destroy `body`. */
export interface StoredObject extends ObjectMeta {
  body: Readable;
  /** Present for range reads: the inclusive byte range `body` holds. */
  range?: { start: number; end: number };
}

export interface ListedObject {
  key: string;
  size: number;
}

export interface PutOptions {
  contentType: string;
  cacheControl?: string;
}

/** A byte range, both ends inclusive; without `end`, to the end of the object. */
export interface ByteRange {
  start: number;
  end?: number;
}

export interface Health {
  ok: boolean;
  detail?: string;
}

/**
 * Object storage. Keys look like `users/<userId>/images/<imageId>/original.png` and are built by `keys.ts`;
 * every method rejects a malformed key with `StorageKeyError`.
 */
export interface Storage {
  readonly kind: "local" | "s3";
  /** Stores the whole body atomically: readers see the old object or the new one, never a part. */
  put(key: string, body: Buffer | Readable, opts: PutOptions): Promise<{ etag: string; size: number }>;
  /** null when missing. A range starting at or past the end rejects with `RangeNotSatisfiableError`. */
  get(key: string, opts?: { range?: ByteRange }): Promise<StoredObject | null>;
  head(key: string): Promise<ObjectMeta | null>;
  exists(key: string): Promise<boolean>;
  /** No error when the object is missing. */
  delete(key: string): Promise<void>;
  /** Deletes every object whose key starts with `prefix` (non-empty); resolves to how many were deleted. */
  deleteByPrefix(prefix: string): Promise<number>;
  /** Objects whose key starts with `prefix`, in key order. End prefixes with "/" to stay inside a folder. */
  list(prefix: string): AsyncIterable<ListedObject>;
  usage(prefix: string): Promise<{ bytes: number; count: number }>;
  /** Never throws: reports whether the storage can be written and read. */
  check(): Promise<Health>;
  /**
   * A short-lived URL a browser can GET the object from directly (S3 with signed URLs on), or undefined when
   * the bytes must be streamed through the API (local disk, or S3 with FILE_URL_TTL_SECONDS=0). Only ever called
   * after the route has admitted the caller; the URL expires. Does not check that the object exists.
   */
  signedUrl?(key: string, opts: SignedUrlOptions): Promise<string | undefined>;
  /** The origin signed URLs point at (the CSP allows it for images, media and the service worker's fetches). */
  readonly signedUrlOrigin?: string;
}

export interface SignedUrlOptions {
  now: Date;
  /** Headers the object store answers with instead of the stored ones. */
  responseHeaders?: { cacheControl?: string; contentType?: string; contentDisposition?: string };
}

/** A key or prefix that the storage refuses (path traversal, odd characters, empty segments…). */
export class StorageKeyError extends Error {
  override name = "StorageKeyError";
  constructor(
    readonly key: string,
    reason: string,
  ) {
    super(`Invalid storage key ${JSON.stringify(key)}: ${reason}`);
  }
}

/** A range read that starts at or past the end of the object (HTTP 416). */
export class RangeNotSatisfiableError extends Error {
  override name = "RangeNotSatisfiableError";
  constructor(
    readonly key: string,
    /** Total object size, when known. */
    readonly size: number | undefined,
  ) {
    super(`Requested range not satisfiable for ${key}${size === undefined ? "" : ` (size ${size})`}`);
  }
}

/** Collects `storage.list(prefix)` into an array. */
export async function listAll(storage: Storage, prefix: string): Promise<ListedObject[]> {
  const out: ListedObject[] = [];
  for await (const o of storage.list(prefix)) out.push(o);
  return out;
}

/** Total size and count of listed objects (what `usage()` reports). */
export async function sumSizes(objects: AsyncIterable<ListedObject>): Promise<{ bytes: number; count: number }> {
  let bytes = 0;
  let count = 0;
  for await (const o of objects) {
    bytes += o.size;
    count++;
  }
  return { bytes, count };
}
