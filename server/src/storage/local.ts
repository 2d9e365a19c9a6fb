import { createHash, randomUUID } from "node:crypto";
import type { Dirent } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { guessContentType } from "./mime";
import {
  type ByteRange,
  type Health,
  type ListedObject,
  type ObjectMeta,
  type PutOptions,
  RangeNotSatisfiableError,
  type Storage,
  type StoredObject,
  sumSizes,
} from "./types";
import { assertDeletePrefix, assertKey, assertPrefix, assertPutOptions, assertRange } from "./validate";

/** The sidecar kept next to each object: `.<name>.meta.json`. */
interface Sidecar {
  contentType: string;
  etag: string;
  size: number;
  cacheControl?: string;
}

const isCode = (err: unknown, ...codes: string[]) => codes.includes((err as NodeJS.ErrnoException)?.code ?? "");

/**
 * Objects as plain files under `root` (`root/users/<id>/images/<id>/original.png`), each with a hidden JSON
 * sidecar for content type and ETag. Writes go to a hidden temp file and are renamed into place, so a reader
 * never sees a half-written object. Key validation forbids dot-segments, so dot-files are never objects.
 */
export class LocalStorage implements Storage {
  readonly kind = "local" as const;
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  private file(key: string): string {
    const p = path.join(this.root, ...assertKey(key).split("/"));
    if (!p.startsWith(this.root + path.sep)) throw new Error(`storage key escapes the root: ${key}`);
    return p;
  }

  private static sidecar(file: string): string {
    return path.join(path.dirname(file), `.${path.basename(file)}.meta.json`);
  }

  async put(key: string, body: Buffer | Readable, opts: PutOptions): Promise<{ etag: string; size: number }> {
    const file = this.file(key);
    assertPutOptions(opts);
    const tmp = path.join(path.dirname(file), `.tmp-${randomUUID()}`);
    const handle = await openForWrite(tmp).catch((err: unknown) => {
      if (!Buffer.isBuffer(body)) body.destroy(); // never leave the caller's stream half-read
      throw err;
    });
    const md5 = createHash("md5");
    let size = 0;
    try {
      const counter = new Transform({
        transform(chunk: Buffer, _enc, cb) {
          md5.update(chunk);
          size += chunk.length;
          cb(null, chunk);
        },
      });
      const source = Buffer.isBuffer(body) ? Readable.from([body]) : body;
      await pipeline(source, counter, handle.createWriteStream());
      const meta: Sidecar = { contentType: opts.contentType, etag: `"${md5.digest("hex")}"`, size };
      if (opts.cacheControl) meta.cacheControl = opts.cacheControl;
      const metaTmp = `${tmp}.meta`;
      await fs.writeFile(metaTmp, JSON.stringify(meta));
      await fs.rename(tmp, file);
      await fs.rename(metaTmp, LocalStorage.sidecar(file));
      return { etag: meta.etag, size };
    } catch (err) {
      await handle.close().catch(() => {});
      await Promise.all([fs.rm(tmp, { force: true }), fs.rm(`${tmp}.meta`, { force: true })]);
      throw err;
    }
  }

  async get(key: string, opts: { range?: ByteRange } = {}): Promise<StoredObject | null> {
    const file = this.file(key);
    if (opts.range) assertRange(opts.range);
    // Open first and stat the open file, so size and bytes come from the same version even if it is replaced.
    const handle = await fs
      .open(file, "r")
      .catch((err: unknown) => (isCode(err, "ENOENT", "ENOTDIR") ? null : Promise.reject(err)));
    if (!handle) return null;
    try {
      const meta = await this.meta(file, handle);
      const { range } = opts;
      if (!range) return { ...meta, body: handle.createReadStream() };
      if (range.start >= meta.size) throw new RangeNotSatisfiableError(key, meta.size);
      const end = Math.min(range.end ?? meta.size - 1, meta.size - 1);
      return {
        ...meta,
        body: handle.createReadStream({ start: range.start, end }),
        range: { start: range.start, end },
      };
    } catch (err) {
      await handle.close();
      if (isCode(err, "ENOENT")) return null; // a folder, not an object
      throw err;
    }
  }

  async head(key: string): Promise<ObjectMeta | null> {
    const file = this.file(key);
    try {
      return await this.meta(file);
    } catch (err) {
      if (isCode(err, "ENOENT", "ENOTDIR")) return null;
      throw err;
    }
  }

  async exists(key: string): Promise<boolean> {
    return (await this.head(key)) !== null;
  }

  async delete(key: string): Promise<void> {
    const file = this.file(key);
    await fs.rm(file, { force: true });
    await fs.rm(LocalStorage.sidecar(file), { force: true });
    await this.prune(path.dirname(file));
  }

  async deleteByPrefix(prefix: string): Promise<number> {
    assertDeletePrefix(prefix);
    const keys: string[] = [];
    for await (const o of this.list(prefix)) keys.push(o.key);
    for (let i = 0; i < keys.length; i += 64) await Promise.all(keys.slice(i, i + 64).map((k) => this.delete(k)));
    return keys.length;
  }

  list(prefix: string): AsyncIterable<ListedObject> {
    assertPrefix(prefix);
    const slash = prefix.lastIndexOf("/");
    const base = slash < 0 ? "" : prefix.slice(0, slash);
    return this.walk(base, prefix);
  }

  async usage(prefix: string): Promise<{ bytes: number; count: number }> {
    return sumSizes(this.list(prefix));
  }

  async check(): Promise<Health> {
    const probe = path.join(this.root, `.health-${randomUUID()}`);
    try {
      await fs.mkdir(this.root, { recursive: true });
      await fs.writeFile(probe, "ok");
      const back = await fs.readFile(probe, "utf8");
      if (back !== "ok") return { ok: false, detail: "read back different bytes" };
      return { ok: true };
    } catch (err) {
      return { ok: false, detail: `${this.root}: ${(err as Error).message}` };
    } finally {
      await fs.rm(probe, { force: true }).catch(() => {});
    }
  }

  /** Metadata from the sidecar, checked against the file; guessed when the sidecar is missing or stale. */
  private async meta(file: string, handle?: fs.FileHandle): Promise<ObjectMeta> {
    const stat = handle ? await handle.stat() : await fs.stat(file);
    if (!stat.isFile()) throw Object.assign(new Error(`not a file: ${file}`), { code: "ENOENT" });
    const side = await fs
      .readFile(LocalStorage.sidecar(file), "utf8")
      .then((s) => JSON.parse(s) as Sidecar)
      .catch(() => null);
    const base = { size: stat.size, lastModified: stat.mtime };
    if (side && side.size === stat.size) {
      return {
        ...base,
        contentType: side.contentType,
        etag: side.etag,
        ...(side.cacheControl ? { cacheControl: side.cacheControl } : {}),
      };
    }
    return {
      ...base,
      contentType: guessContentType(file),
      etag: `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`,
    };
  }

  /** Depth-first in key order: a directory "a" sorts as "a/", so "a-b" comes before "a/x", as in S3. */
  private async *walk(dirKey: string, prefix: string): AsyncGenerator<ListedObject> {
    const dir = dirKey ? path.join(this.root, ...dirKey.split("/")) : this.root;
    let entries: Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (err) {
      if (isCode(err, "ENOENT", "ENOTDIR")) return;
      throw err;
    }
    const named = entries
      .filter((e) => !e.name.startsWith(".") && (e.isFile() || e.isDirectory()))
      .map((e) => ({ e, key: dirKey ? `${dirKey}/${e.name}` : e.name }))
      .map((x) => ({ ...x, sortKey: x.e.isDirectory() ? `${x.key}/` : x.key }))
      .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
    for (const { e, key, sortKey } of named) {
      if (e.isDirectory()) {
        // Descend only where keys can still match the prefix.
        if (sortKey.startsWith(prefix) || prefix.startsWith(sortKey)) yield* this.walk(key, prefix);
      } else if (key.startsWith(prefix)) {
        const stat = await fs.stat(path.join(dir, e.name)).catch(() => null);
        if (stat) yield { key, size: stat.size };
      }
    }
  }

  /** Removes now-empty directories from `dir` up to (not including) the root. */
  private async prune(dir: string): Promise<void> {
    let d = dir;
    while (d.startsWith(this.root + path.sep)) {
      try {
        await fs.rmdir(d);
      } catch {
        return; // not empty (or already gone / recreated by a concurrent put): stop here
      }
      d = path.dirname(d);
    }
  }
}

/** Opens a new temp file, recreating its directory if a concurrent delete pruned it in between. */
async function openForWrite(tmp: string): Promise<fs.FileHandle> {
  for (let attempt = 0; ; attempt++) {
    await fs.mkdir(path.dirname(tmp), { recursive: true });
    try {
      return await fs.open(tmp, "wx");
    } catch (err) {
      if (!isCode(err, "ENOENT") || attempt >= 4) throw err;
    }
  }
}
