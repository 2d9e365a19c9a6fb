import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { chunked, readBody, storageContract } from "./contract";
import { createStorage } from "./index";
import { imagePrefix, originalKey, userPrefix, variantKey } from "./keys";
import { LocalStorage } from "./local";
import { listAll } from "./types";

const tmp = mkdtempSync(path.join(os.tmpdir(), "storage-local-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

storageContract("local", () => createStorage({ driver: "local", root: path.join(tmp, "contract") }));

/** Every file under dir, relative, including hidden ones. */
function tree(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describe("local storage on disk", () => {
  const root = path.join(tmp, "disk");
  const s = new LocalStorage(root);

  it("keeps each object at root/<key> with a hidden sidecar, and lists neither sidecars nor temp files", async () => {
    const user = randomUUID();
    const img = randomUUID();
    const key = originalKey(user, img, "png");
    await s.put(key, Buffer.from("png bytes"), { contentType: "image/png" });
    const dir = path.join(root, "users", user, "images", img);
    expect(tree(dir)).toEqual([".original.png.meta.json", "original.png"]);
    writeFileSync(path.join(dir, ".tmp-stray"), "half an upload");
    expect(await listAll(s, userPrefix(user))).toEqual([{ key, size: 9 }]);
  });

  it("cleans up temp files when an upload stream fails", async () => {
    const user = randomUUID();
    const key = originalKey(user, randomUUID(), "png");
    await expect(
      s.put(key, chunked(randomBytes(1 << 20), 64 * 1024, 256 * 1024), { contentType: "image/png" }),
    ).rejects.toThrow();
    expect(tree(path.join(root, "users", user))).toEqual([]);
  });

  it("serves files without a sidecar (or with a stale one) with a guessed type", async () => {
    const user = randomUUID();
    const img = randomUUID();
    const key = variantKey(user, img, "thumb-256.webp");
    const file = path.join(root, key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, "copied in by hand");
    const got = await s.get(key);
    expect(got).toMatchObject({ contentType: "image/webp", size: 17 });
    expect(got!.etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    expect((await readBody(got!.body)).toString()).toBe("copied in by hand");
    await s.put(key, Buffer.from("short"), { contentType: "application/x-custom" });
    await fs.writeFile(file, "replaced behind the sidecar's back");
    expect(await s.head(key)).toMatchObject({ contentType: "image/webp", size: 34 });
  });

  it("removes emptied folders on delete, but not the root", async () => {
    const user = randomUUID();
    const img = randomUUID();
    await s.put(originalKey(user, img, "png"), Buffer.from("a"), { contentType: "image/png" });
    await s.put(variantKey(user, img, "thumb-256.webp"), Buffer.from("b"), { contentType: "image/webp" });
    await s.delete(originalKey(user, img, "png"));
    expect(existsSync(path.join(root, imagePrefix(user, img)))).toBe(true);
    await s.deleteByPrefix(userPrefix(user));
    expect(existsSync(path.join(root, "users", user))).toBe(false);
    expect(existsSync(root)).toBe(true);
  });

  it("reports an unusable root as unhealthy", async () => {
    const file = path.join(tmp, "not-a-dir");
    writeFileSync(file, "x");
    const health = await new LocalStorage(path.join(file, "objects")).check();
    expect(health.ok).toBe(false);
    expect(health.detail).toContain("not-a-dir");
  });
});
