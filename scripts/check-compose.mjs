#!/usr/bin/env node
// Checks docker-compose.yml and the Dockerfile without a Docker engine: parses both and asserts the deployment
// structure docs/deploy.md promises. Exit 0 when sound; otherwise one line per problem and exit 1.
//   node scripts/check-compose.mjs [--compose FILE] [--dockerfile FILE]
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import yaml from "js-yaml";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const APP_SERVICES = { migrate: "migrate", app: "index", worker: "worker" };
const DRAIN_SECONDS = 30;

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 ? path.resolve(process.argv[i + 1]) : fallback;
}

/** tsup entry names (`index`, `worker`, `migrate`…): the files server/dist will hold. */
function distEntries() {
  const config = readFileSync(path.join(root, "server/tsup.config.ts"), "utf8");
  const entry = /entry:\s*\{([^}]*)\}/.exec(config)?.[1] ?? "";
  return new Set([...entry.matchAll(/(\w+)\s*:/g)].map((m) => m[1]));
}

const seconds = (v) => {
  const m = /^(?:(\d+)m)?(?:(\d+)s)?$/.exec(String(v ?? ""));
  return m && (m[1] || m[2]) ? Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0) : 10; // compose's default is 10s
};
const dependsOn = (svc) =>
  Array.isArray(svc.depends_on) ? Object.fromEntries(svc.depends_on.map((d) => [d, {}])) : (svc.depends_on ?? {});
const asList = (v) => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);
const isOneShot = (svc) => svc.restart === "no";

export function checkCompose(doc) {
  const problems = [];
  const services = doc?.services ?? {};
  const entries = distEntries();
  for (const [name, entry] of Object.entries(APP_SERVICES)) {
    const svc = services[name];
    if (!svc) {
      problems.push(`service "${name}" is missing`);
      continue;
    }
    const cmd = asList(svc.command);
    if (cmd[0] !== "node" || cmd[1] !== `server/dist/${entry}.js`)
      problems.push(`${name}: command must be ["node", "server/dist/${entry}.js"], is ${JSON.stringify(cmd)}`);
    if (!entries.has(entry)) problems.push(`${name}: server/tsup.config.ts builds no "${entry}" entry`);
    if ([...cmd, ...asList(svc.entrypoint)].some((c) => /\bpnpm\b/.test(c)))
      problems.push(`${name}: the image has no pnpm; run node directly`);
    if (!svc.build?.context) problems.push(`${name}: needs a build (the app image)`);
    if (svc.image !== services.app?.image) problems.push(`${name}: must use the same image as app`);
    const env = svc.environment ?? {};
    if (!env.BETTER_AUTH_SECRET || env.BETTER_AUTH_SECRET !== services.app?.environment?.BETTER_AUTH_SECRET)
      problems.push(`${name}: must get the same BETTER_AUTH_SECRET as app`);
    if (!env.DATABASE_URL) problems.push(`${name}: DATABASE_URL is required (processes share PostgreSQL)`);
    if (dependsOn(svc).postgres?.condition !== "service_healthy")
      problems.push(`${name}: must wait for postgres with condition service_healthy`);
  }
  const migrate = services.migrate;
  if (migrate && !isOneShot(migrate)) problems.push(`migrate: is a one-shot: restart must be "no"`);
  for (const name of ["app", "worker"]) {
    const svc = services[name];
    if (!svc) continue;
    if (dependsOn(svc).migrate?.condition !== "service_completed_successfully")
      problems.push(`${name}: must wait for migrate with condition service_completed_successfully`);
    if (String(svc.environment?.MIGRATE_ON_START) !== "false")
      problems.push(`${name}: set MIGRATE_ON_START "false" (the migrate service migrates)`);
    if (seconds(svc.stop_grace_period) <= DRAIN_SECONDS)
      problems.push(
        `${name}: stop_grace_period must exceed the ${DRAIN_SECONDS}s drain time, is ${svc.stop_grace_period ?? "10s (default)"}`,
      );
  }
  const worker = services.worker;
  if (worker) {
    if (worker.ports?.length) problems.push("worker: publishes ports, so `--scale worker=N` would clash");
    if (worker.container_name) problems.push("worker: container_name prevents `--scale worker=N`");
    if (String(worker.deploy?.replicas ?? 1) === "0") problems.push("worker: replicas must be at least 1");
  }
  if (services.app && String(services.app.environment?.WORKER_IN_PROCESS) !== "false")
    problems.push(`app: set WORKER_IN_PROCESS "false" (the worker service runs jobs)`);
  problems.push(...checkHealth(services));
  return problems;
}

/** Every long-running service has a healthcheck; one-shots are awaited until they complete. */
function checkHealth(services) {
  const problems = [];
  for (const [name, svc] of Object.entries(services)) {
    if (isOneShot(svc)) continue;
    const test = asList(svc.healthcheck?.test);
    if (svc.healthcheck?.disable || !test.length || test[0] === "NONE") problems.push(`${name}: needs a healthcheck`);
    const script = test.find((t) => t.startsWith("scripts/"));
    if (script && !existsSync(path.join(root, script)))
      problems.push(`${name}: healthcheck runs ${script}, which does not exist`);
  }
  for (const [name, svc] of Object.entries(services)) {
    for (const [dep, opts] of Object.entries(dependsOn(svc))) {
      const target = services[dep];
      if (!target) problems.push(`${name}: depends on unknown service "${dep}"`);
      else if (isOneShot(target) && opts.condition !== "service_completed_successfully")
        problems.push(`${name}: wait for one-shot "${dep}" with service_completed_successfully`);
      else if (!isOneShot(target) && !target.profiles && opts.condition !== "service_healthy")
        problems.push(`${name}: wait for "${dep}" with service_healthy`);
    }
  }
  return problems;
}

export function checkDockerfile(text) {
  const problems = [];
  const lines = text.split("\n").map((l) => l.trim());
  const froms = lines.filter((l) => /^FROM\s/i.test(l));
  if (!froms.length) problems.push("Dockerfile: no FROM");
  for (const f of froms)
    if (!/^FROM\s+node:22[.-]/i.test(f)) problems.push(`Dockerfile: base image must be Node 22 LTS, is "${f}"`);
  const lastFrom = lines.findLastIndex((l) => /^FROM\s/i.test(l));
  const runtime = lines.slice(lastFrom);
  if (runtime.some((l) => /^RUN\b.*\bpnpm\b/.test(l)))
    problems.push("Dockerfile: the runtime stage must not install or run pnpm");
  if (!runtime.some((l) => /^CMD\s+\["node",\s*"server\/dist\/index\.js"\]/.test(l)))
    problems.push('Dockerfile: runtime CMD must be ["node", "server/dist/index.js"]');
  if (!runtime.some((l) => /^HEALTHCHECK\s/.test(l)))
    problems.push("Dockerfile: the runtime stage needs a HEALTHCHECK");
  // pnpm install --frozen-lockfile fails unless every workspace package's manifest is there first.
  const install = lines.findIndex((l) => /pnpm install/.test(l));
  const workspace = yaml.load(readFileSync(path.join(root, "pnpm-workspace.yaml"), "utf8"));
  for (const pkg of workspace?.packages ?? []) {
    const copied = lines.slice(0, install).some((l) => new RegExp(`^COPY\\s+${pkg}/package\\.json\\s`).test(l));
    if (!copied) problems.push(`Dockerfile: COPY ${pkg}/package.json before pnpm install (a workspace package)`);
  }
  // …and the patches it applies to dependencies, which it reads while installing.
  const patchDirs = new Set(Object.values(workspace?.patchedDependencies ?? {}).map((f) => String(f).split("/")[0]));
  for (const dir of patchDirs)
    if (!lines.slice(0, install).some((l) => new RegExp(`^COPY\\s+${dir}/?\\s`).test(l)))
      problems.push(`Dockerfile: COPY ${dir}/ before pnpm install (patched dependencies)`);
  return problems;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const composeFile = arg("--compose", path.join(root, "docker-compose.yml"));
  const dockerfile = arg("--dockerfile", path.join(root, "Dockerfile"));
  let problems;
  try {
    problems = [
      ...checkCompose(yaml.load(readFileSync(composeFile, "utf8"))),
      ...checkDockerfile(readFileSync(dockerfile, "utf8")),
    ];
  } catch (err) {
    problems = [`cannot read the deployment files: ${err instanceof Error ? err.message : String(err)}`];
  }
  for (const p of problems) console.error(`✘ ${p}`);
  if (problems.length) process.exit(1);
  console.log(
    `✔ ${path.relative(process.cwd(), composeFile)} and ${path.relative(process.cwd(), dockerfile)}: structure sound`,
  );
}
