import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { serve, type ServerType } from "@hono/node-server";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonRequest, signUp, type SignedUpUser, type TestApp } from "../harness";
import { startWithWorker } from "../iteration/helpers";
import { createKey } from "../keys/helpers";

/** The built CLI (cli/dist/index.js, built here with the package's own build) against a real app on a port. */
const CLI_DIR = path.resolve(import.meta.dirname, "../../../cli");
const CLI = path.join(CLI_DIR, "dist/index.js");

let t: TestApp;
let stop: () => Promise<void>;
let server: ServerType;
let base: string;
let u: SignedUpUser;
let key: string;
let tmp: string;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      {
        env: {
          PATH: process.env.PATH ?? "",
          HOME: tmp,
          IMAGE_STUDIO_CONFIG: path.join(tmp, "config", "config.json"),
          ...env,
        },
        timeout: 60_000,
      },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  execFileSync(path.join(CLI_DIR, "node_modules/.bin/tsup"), { cwd: CLI_DIR, stdio: "pipe" });
  ({ t, stop } = await startWithWorker());
  await new Promise<void>((resolve) => {
    server = serve({ fetch: t.app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  u = await signUp(t);
  key = (await createKey(t, u, ["read", "generate"], { name: "cli test" })).key;
  tmp = mkdtempSync(path.join(os.tmpdir(), "image-studio-cli-"));
});
afterAll(async () => {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  await stop?.();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe("image-studio CLI against the app", () => {
  it("login checks the key and saves URL and key readable only by the user (0600)", async () => {
    const bad = await cli(["login", "--url", base, "--key", "is_live_not-a-real-key"]);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(/not valid/);
    const ok = await cli(["login", "--url", base, "--key", key]);
    expect(ok.code, ok.stderr).toBe(0);
    const file = path.join(tmp, "config", "config.json");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ url: base, key });
  });

  it("generate waits for the job and downloads every image to --out", async () => {
    const out = path.join(tmp, "out");
    const res = await cli([
      "generate",
      "a lighthouse at dusk",
      "--model",
      "local/sketch",
      "--n",
      "2",
      "--seed",
      "7",
      "--aspect-ratio",
      "1:1",
      "--out",
      out,
      "--json",
      "--poll-ms",
      "100",
    ]);
    expect(res.code, res.stderr).toBe(0);
    const body = JSON.parse(res.stdout) as { jobId: string; images: { id: string; path: string }[] };
    expect(body.images).toHaveLength(2);
    for (const img of body.images) {
      expect(path.dirname(img.path)).toBe(out);
      const meta = await sharp(readFileSync(img.path)).metadata();
      expect(meta.width).toBeGreaterThan(0);
      expect(meta.width).toBe(meta.height); // --aspect-ratio 1:1
    }
    const job = (await (
      await jsonRequest(t, `/api/generate/queue/${body.jobId}`, { cookie: u.cookie, ip: u.ip })
    ).json()) as { imageIds: string[]; parameters: { seed?: number; numImages?: number } };
    expect(job.imageIds.sort()).toEqual(body.images.map((i) => i.id).sort());
    expect(job.parameters).toMatchObject({ seed: 7, numImages: 2 });

    const list = await cli(["images", "list", "--json", "--limit", "10"]);
    expect(list.code, list.stderr).toBe(0);
    expect((JSON.parse(list.stdout) as { items: { id: string }[] }).items.map((i) => i.id)).toEqual(
      expect.arrayContaining(job.imageIds),
    );
    const text = await cli(["images", "list"]);
    expect(text.stdout).toContain(job.imageIds[0]);

    const again = path.join(tmp, "again");
    const dl = await cli(["images", "download", job.imageIds[0]!, "--out", again, "--json"]);
    expect(dl.code, dl.stderr).toBe(0);
    const [file] = (JSON.parse(dl.stdout) as { images: { path: string }[] }).images;
    expect(existsSync(file!.path)).toBe(true);
    expect(readFileSync(file!.path).equals(readFileSync(body.images.find((i) => i.id === job.imageIds[0])!.path))).toBe(
      true,
    );
  });

  it("projects list prints the user's projects", async () => {
    await jsonRequest(t, "/api/projects", {
      cookie: u.cookie,
      ip: u.ip,
      body: { id: crypto.randomUUID(), name: "Harbour series" },
    });
    const res = await cli(["projects", "list", "--json"]);
    expect(res.code, res.stderr).toBe(0);
    expect((JSON.parse(res.stdout) as { items: { name: string }[] }).items.map((p) => p.name)).toContain(
      "Harbour series",
    );
    expect((await cli(["projects", "list"])).stdout).toContain("Harbour series");
  });

  it("batch checks every CSV row first, then queues, follows and downloads the batch (or its ZIP)", async () => {
    const csvFile = path.join(tmp, "prompts.csv");
    writeFileSync(csvFile, 'prompt,seed\n"a red fox, snow",3\nan owl at night,4\na heron,5\n');
    const dry = await cli(["batch", csvFile, "--model", "local/sketch-fast", "--dry-run", "--json"]);
    expect(dry.code, dry.stderr).toBe(0);
    const plan = JSON.parse(dry.stdout) as { total: number; items: { prompt: string; seed: number }[] };
    expect(plan.total).toBe(3);
    expect(plan.items.map((i) => [i.prompt, i.seed])).toEqual([
      ["a red fox, snow", 3],
      ["an owl at night", 4],
      ["a heron", 5],
    ]);
    const listed = async () =>
      (
        (await (await jsonRequest(t, "/api/generate/batch", { cookie: u.cookie, ip: u.ip })).json()) as {
          items: unknown[];
        }
      ).items.length;
    const before = await listed();

    const bad = path.join(tmp, "bad.csv");
    writeFileSync(bad, "prompt,seed\na cat,-4\n,7\n");
    const refused = await cli(["batch", bad, "--model", "local/sketch-fast"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/row 1, seed/);
    expect(refused.stderr).toMatch(/row 2, prompt/);
    expect(refused.stderr).toMatch(/nothing was queued/);
    expect(await listed()).toBe(before);
    expect((await cli(["batch", path.join(tmp, "missing.csv")])).code).toBe(2);

    const out = path.join(tmp, "batch-out");
    const run = await cli([
      "batch",
      csvFile,
      "--model",
      "local/sketch-fast",
      "--out",
      out,
      "--json",
      "--poll-ms",
      "500",
    ]);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { batchId: string; status: string; images: { path: string }[] };
    expect(result.status).toBe("completed");
    expect(result.images).toHaveLength(3);
    for (const img of result.images) expect((await sharp(readFileSync(img.path)).metadata()).width).toBeGreaterThan(0);
    expect(await listed()).toBe(before + 1);

    const zipped = await cli([
      "batch",
      csvFile,
      "--model",
      "local/sketch-fast",
      "--zip",
      "--out",
      out,
      "--json",
      "--poll-ms",
      "500",
    ]);
    expect(zipped.code, zipped.stderr).toBe(0);
    const zip = (JSON.parse(zipped.stdout) as { zip: string }).zip;
    expect(readFileSync(zip).subarray(0, 2).toString()).toBe("PK");
  });

  it("clear errors and exit codes", async () => {
    const usage = await cli(["frobnicate"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/Unknown command "frobnicate"/);
    expect((await cli(["generate", "x", "--n", "zero"])).code).toBe(2);
    const notSignedIn = await cli(["images", "list"], { IMAGE_STUDIO_CONFIG: path.join(tmp, "nowhere.json") });
    expect(notSignedIn.code).toBe(3);
    expect(notSignedIn.stderr).toMatch(/image-studio login/);
    const readOnly = (await createKey(t, u, ["read"])).key;
    const scope = await cli(["generate", "a fox", "--model", "local/sketch", "--json"], {
      IMAGE_STUDIO_API_KEY: readOnly,
    });
    expect(scope.code).toBe(3);
    expect(JSON.parse(scope.stderr)).toMatchObject({ error: { exitCode: 3, reason: "API_KEY_SCOPE_MISSING" } });
    const missing = await cli(["images", "download", crypto.randomUUID()]);
    expect(missing.code).toBe(4);
    expect(missing.stderr).toMatch(/not found/i);
    const down = await cli(["projects", "list"], { IMAGE_STUDIO_URL: "http://127.0.0.1:9" });
    expect(down.code).toBe(6);
    expect(down.stderr).toMatch(/Can't reach/);
    const out = await cli(["logout"]);
    expect(out.code).toBe(0);
    expect((await cli(["images", "list"])).code).toBe(3);
  });
});
