import { type ByteRange, StorageKeyError } from "./types";

const MAX_KEY_BYTES = 1024;
/**
 * One path segment: ASCII letters, digits, "_", "-", ".", not starting with "." (which also rules out "." and
 * ".."; the local driver keeps its sidecar and temp files under dot-names, so keys can never collide with them).
 */
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

function check(value: unknown, allowPartial: boolean): string {
  if (typeof value !== "string") throw new StorageKeyError(String(value), "must be a string");
  const key = value;
  if (Buffer.byteLength(key) > MAX_KEY_BYTES) throw new StorageKeyError(key, `longer than ${MAX_KEY_BYTES} bytes`);
  if (key.includes("\\")) throw new StorageKeyError(key, "backslashes are not allowed");
  if (key.startsWith("/")) throw new StorageKeyError(key, "must not start with /");
  const segments = key.split("/");
  segments.forEach((seg, i) => {
    const last = i === segments.length - 1;
    // A prefix may end with "/" (empty last segment) or with the start of a segment.
    if (allowPartial && last && seg === "") return;
    if (seg === "") throw new StorageKeyError(key, "empty path segment");
    if (seg === "." || seg === "..") throw new StorageKeyError(key, `"${seg}" segments are not allowed`);
    if (!SEGMENT.test(seg)) {
      throw new StorageKeyError(key, `segment "${seg}" must use only A-Z a-z 0-9 _ - . and not start with "."`);
    }
  });
  return key;
}

/** Returns the key if it is well-formed, else throws `StorageKeyError`. */
export function assertKey(key: string): string {
  if (key === "") throw new StorageKeyError(key, "must not be empty");
  return check(key, false);
}

/** A list/usage prefix: "" (everything), "a/b/" or a partial "a/b/ima". */
export function assertPrefix(prefix: string): string {
  if (prefix === "") return prefix;
  return check(prefix, true);
}

/** A prefix for deletion: never empty, so one call cannot wipe the whole store. */
export function assertDeletePrefix(prefix: string): string {
  if (prefix === "") throw new StorageKeyError(prefix, "refusing to delete by an empty prefix");
  return assertPrefix(prefix);
}

export function assertPutOptions(opts: { contentType: string; cacheControl?: string }): void {
  const header = /^[\x20-\x7e]+$/;
  if (!opts || typeof opts.contentType !== "string" || !header.test(opts.contentType)) {
    throw new TypeError("storage.put needs a printable contentType");
  }
  if (opts.cacheControl !== undefined && !header.test(opts.cacheControl)) {
    throw new TypeError("storage.put: cacheControl must be printable ASCII");
  }
}

/** Checks the shape of a requested range (not whether it fits the object). */
export function assertRange(range: ByteRange): void {
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || start < 0) throw new RangeError(`Invalid range start ${start}`);
  if (end !== undefined && (!Number.isSafeInteger(end) || end < start))
    throw new RangeError(`Invalid range end ${end}`);
}
