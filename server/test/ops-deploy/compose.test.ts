import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// No Docker engine here: the compose file and the Dockerfile are checked by scripts/check-compose.mjs, which parses
// them and asserts the structure (migrate one-shot, scalable workers, healthchecks, Node 22, no pnpm at runtime).
const root = path.resolve(__dirname, "../../..");
const compose = readFileSync(path.join(root, "docker-compose.yml"), "utf8");
const dockerfile = readFileSync(path.join(root, "Dockerfile"), "utf8");
const tmp = mkdtempSync(path.join(os.tmpdir(), "compose-check-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function check(composeText = compose, dockerText = dockerfile) {
  const c = path.join(tmp, `compose-${Math.random().toString(36).slice(2)}.yml`);
  const d = path.join(tmp, `Dockerfile-${Math.random().toString(36).slice(2)}`);
  writeFileSync(c, composeText);
  writeFileSync(d, dockerText);
  const r = spawnSync(
    process.execPath,
    [path.join(root, "scripts/check-compose.mjs"), "--compose", c, "--dockerfile", d],
    { encoding: "utf8" },
  );
  return { code: r.status, out: r.stdout + r.stderr };
}

/** The text with one replacement that must apply (a mutation that silently misses would prove nothing). */
function mutate(text: string, from: string | RegExp, to: string): string {
  const next = text.replace(from, to);
  expect(next).not.toBe(text);
  return next;
}

/** One service's block of the compose file (from its key to the next service key). */
const serviceBlock = (name: string) => new RegExp(`\\n  ${name}:\\n[\\s\\S]*?(?=\\n  [a-z-]+:\\n|\\nvolumes:)`);

describe("docker-compose.yml and Dockerfile (checked without Docker)", () => {
  it("pass the structure check as committed", () => {
    const r = check();
    expect(r.out).toContain("structure sound");
    expect(r.code).toBe(0);
  });

  it("flag a missing migrate one-shot, and services that do not wait for it", () => {
    const r = check(mutate(compose, serviceBlock("migrate"), ""));
    expect(r.code).toBe(1);
    expect(r.out).toContain('service "migrate" is missing');
    expect(r.out).toMatch(/app: depends on unknown service "migrate"/);
    const noWait = mutate(
      compose,
      /(\n {2}worker:[\s\S]*?migrate:\n\s+condition: )service_completed_successfully/,
      "$1service_started",
    );
    expect(check(noWait).out).toContain("worker: must wait for migrate with condition service_completed_successfully");
  });

  it("flag a worker that cannot scale or has no healthcheck", () => {
    const ports = mutate(compose, /(\n {2}worker:\n)/, '$1    ports:\n      - "8081:8081"\n');
    expect(check(ports).out).toContain("worker: publishes ports");
    const noHealth = mutate(compose, /(\n {2}worker:[\s\S]*?)\n {4}healthcheck:\n(?: {6}.*\n)+/, "$1\n");
    expect(check(noHealth).out).toContain("worker: needs a healthcheck");
  });

  it("flag pnpm at runtime, a stop that cuts the drain short, and an old Node", () => {
    expect(check(mutate(compose, '["node", "server/dist/worker.js"]', '["pnpm", "worker"]')).out).toContain(
      "worker: command must be",
    );
    expect(
      check(mutate(compose, /(\n {2}app:[\s\S]*?)stop_grace_period: 45s/, "$1stop_grace_period: 10s")).out,
    ).toContain("app: stop_grace_period must exceed");
    const node20 = mutate(dockerfile, /FROM node:22-bookworm-slim$/m, "FROM node:20-bookworm-slim");
    expect(check(compose, node20).out).toContain("base image must be Node 22 LTS");
    const pnpmRuntime = mutate(dockerfile, /\nUSER node\n/, "\nRUN npm i -g pnpm@12\nUSER node\n");
    expect(check(compose, pnpmRuntime).out).toContain("runtime stage must not install or run pnpm");
  });
});
