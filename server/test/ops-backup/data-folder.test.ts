import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, it } from "vitest";

// The embedded default keeps everything in DATA_DIR: scripts/data-folder.mjs exports and imports it in one command.
const script = path.resolve(__dirname, "../../../scripts/data-folder.mjs");
const tmp = mkdtempSync(path.join(os.tmpdir(), "image-studio-data-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [script, ...args], { encoding: "utf8", env: { ...process.env, DATA_DIR: "" } });
  return { code: r.status, out: r.stdout + r.stderr };
};

describe("data folder export and import (embedded PGlite + local objects)", () => {
  it("moves the database and the objects to a new data folder, and refuses unsafe cases", async () => {
    const source = path.join(tmp, "source");
    mkdirSync(path.join(source, "pglite"), { recursive: true });
    const db = await PGlite.create({ dataDir: path.join(source, "pglite") });
    await db.exec(
      "create table gallery (id text primary key, prompt text); insert into gallery values ('a1', 'a lighthouse at dusk');",
    );
    const key = path.join(source, "objects", "users", "u1", "images", "a1", "original.png");
    mkdirSync(path.dirname(key), { recursive: true });
    writeFileSync(key, Buffer.from([1, 2, 3, 4, 5]));
    writeFileSync(path.join(source, "auth-secret"), "secret-kept-with-the-data");

    const archive = path.join(tmp, "backup.tar.gz");
    const open = run("export", archive, "--data-dir", source);
    expect(open.code).toBe(1);
    expect(open.out).toMatch(/database .* is open: stop Image Studio first/);
    await db.close();

    expect(run("export", archive, "--data-dir", source).code).toBe(0);
    expect(run("export", archive, "--data-dir", source).out).toContain("exists");

    const target = path.join(tmp, "target");
    const imported = run("import", archive, "--data-dir", target);
    expect(imported.out).toContain("imported");
    expect(imported.code).toBe(0);
    const back = await PGlite.create({ dataDir: path.join(target, "pglite") });
    expect((await back.query("select id, prompt from gallery")).rows).toEqual([
      { id: "a1", prompt: "a lighthouse at dusk" },
    ]);
    await back.close();
    expect(readFileSync(path.join(target, "objects", "users", "u1", "images", "a1", "original.png"))).toEqual(
      Buffer.from([1, 2, 3, 4, 5]),
    );
    expect(readFileSync(path.join(target, "auth-secret"), "utf8")).toBe("secret-kept-with-the-data");

    const again = run("import", archive, "--data-dir", target);
    expect(again.code).toBe(1);
    expect(again.out).toContain("is not empty");
  });
});
