#!/usr/bin/env node
/**
 * `pnpm bench`: runs every benchmark one after the other (each still runs alone, see its header) and prints one
 * table — figure, value, goal, and the ratio where the goal is a ratio. The figures are read from each bench's own
 * printed lines (the patterns below), so a bench keeps a single way of reporting.
 *
 *   pnpm build && pnpm bench                       # everything (PGlite; PostgreSQL too with BENCH_DATABASE_URL)
 *   pnpm bench bundle api queue                    # a subset, by name (scale: PostgreSQL only, needs pnpm build)
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres pnpm bench
 *
 * Long browser benches take their usual env knobs (BENCH_ITEMS, BENCH_SIZES, BENCH_RUNS…). `--markdown` prints the
 * table as Markdown (docs/benchmarks.md is that output with the date and the machine).
 */
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const PG = process.env.BENCH_DATABASE_URL;
const num = (s) => Number(String(s).replace(/,/g, ""));

/** name → command, env, and the figures to read: [label, regex (first group = value), unit, goal]. */
const BENCHES = [
  {
    name: "bundle",
    cmd: ["node", "bundle.mjs"],
    figures: [["App shell initial JS (brotli)", /initial JS: ([\d.]+) KB brotli/, "KB", { max: 120 }]],
  },
  {
    name: "api",
    cmd: ["npx", "tsx", "api.ts"],
    env: { BENCH_SECONDS: process.env.BENCH_SECONDS ?? "10" },
    figures: apiFigures("PGlite"),
  },
  ...(PG
    ? [{ name: "api-pg", cmd: ["npx", "tsx", "api.ts"], env: { DATABASE_URL: PG, BENCH_SECONDS: process.env.BENCH_SECONDS ?? "10" }, figures: apiFigures("PostgreSQL") }]
    : []),
  {
    name: "queue",
    cmd: ["npx", "tsx", "queue.ts"],
    env: PG ? { DATABASE_URL: PG } : {},
    figures: [[`Enqueue → submit p95, idle queue (${PG ? "PostgreSQL" : "PGlite"})`, /enqueue → submit\s+p50 [\d.]+ ms\s+p95 ([\d.]+) ms\s+\(idle/, "ms", { max: 50 }]],
  },
  ...(PG
    ? [
        {
          name: "scale",
          cmd: ["npx", "tsx", "scale.ts"],
          env: { BENCH_DATABASE_URL: PG },
          figures: [
            ["Scale: jobs whose events reached the other API process", /events across processes ([\d.]+)%/, "%", { min: 100 }],
            ["Scale: generations/s, 2 workers ÷ 1 worker (fal-shaped jobs, 2 API processes)", /2 ÷ 1 workers: ([\d.]+)×/, "×", { min: 1.5 }],
            ["Scale: enqueue → done p95, 2 workers (local engine, below capacity)", /local · 2 worker\(s\): enqueue → done p50 \d+ ms p95 (\d+) ms/, "ms", { max: 2000 }],
          ],
        },
      ]
    : []),
  {
    name: "decode",
    cmd: ["npx", "tsx", "decode.ts"],
    figures: [["Event-loop round trip during 4 pixel-flood decodes", /decode pool[^\n]*fs round trip during decodes: ([\d.]+) ms/, "ms", { max: 100 }]],
  },
  {
    name: "offline-local",
    cmd: ["node", "offline-local.mjs"],
    env: { BENCH_SIZES: process.env.BENCH_SIZES ?? "100000" },
    figures: [
      ["Offline boot to first tile (100k images)", /offline boot to first tile \(\d+×\): p50 ([\d.]+) ms/, "ms", { max: 500 }],
      ["Offline gallery sorted by prompt, a page (100k)", /sorted by prompt[^:]*: p50 ([\d.]+) ms/, "ms", { max: 100 }],
      ["Offline gallery sorted by rating, a page (100k)", /sorted by rating[^:]*: p50 ([\d.]+) ms/, "ms", { max: 100 }],
    ],
  },
  {
    name: "offline",
    cmd: ["node", "offline.mjs"],
    figures: [["Offline boot ÷ warm online boot", /ratio offline\/online: ([\d.]+)/, "×", { max: 0.5 }]],
  },
  {
    name: "gallery-browser",
    cmd: ["node", "gallery-browser.mjs"],
    figures: [
      ["Gallery fling: most DOM nodes (worst view)", /DOM nodes max (\d+)/g, "nodes", { max: 400 }],
      ["Gallery fling: long tasks p95 (worst view)", /long tasks p95 (\d+) ms/g, "ms", { max: 50 }],
      ["Gallery fling: frames over 50 ms (worst view)", /([\d.]+)% of frames over 50 ms/g, "%", { max: 5 }],
    ],
  },
  {
    name: "app-shell",
    cmd: ["node", "app-shell.mjs", "--no-fail"],
    figures: [...shellFigures("/sign-in", "signed out"), ...shellFigures("/gallery", "signed in")],
  },
  {
    name: "landing",
    cmd: ["node", "landing.mjs", "--no-fail"],
    figures: [["Landing LCP (Lighthouse mobile)", /Largest Contentful Paint\s+([\d.]+) s/, "s", { max: 1.3 }]],
  },
];

function apiFigures(db) {
  const row = (label) => new RegExp(`${label.replace(/[?/]/g, "\\$&")}\\s+(\\d+)\\s+\\d+\\s+(\\d+)\\s+([\\d.]+)`);
  return [
    [`GET /api/images?limit=50 (${db}) ÷ static file`, row("GET /api/images?limit=50"), "×", { min: db === "PostgreSQL" ? 0.5 : 0.15 }, 3],
    [`GET /api/images?limit=50 p99 (${db})`, row("GET /api/images?limit=50"), "ms", { max: db === "PostgreSQL" ? 40 : 100 }, 2],
    [`GET /api/auth/me (${db}) ÷ static file`, row("GET /api/auth/me"), "×", { min: 0.7 }, 3],
  ];
}

/** bench/app-shell.mjs prints a block per page: its name line, then performance, then FCP · LCP, then TBT. */
function shellFigures(page, state) {
  const head = `${page.replace("/", "\\/")} \\(${state}\\)\\n`;
  return [
    [`App shell ${page} first visit: performance (Lighthouse mobile)`, new RegExp(`${head}\\s+performance (\\d+)`), "", { min: 90 }],
    [`App shell ${page} first visit: LCP`, new RegExp(`${head}[^\\n]*\\n\\s+FCP [\\d.]+ s · LCP ([\\d.]+) s`), "s", { max: 2.5 }],
    [`App shell ${page} first visit: TBT`, new RegExp(`${head}[^\\n]*\\n[^\\n]*\\n\\s+TBT (\\d+) ms`), "ms", { max: 200 }],
  ];
}

function run(bench) {
  return new Promise((resolve) => {
    const [cmd, ...args] = bench.cmd;
    const child = spawn(cmd, args, { cwd: here, env: { ...process.env, ...bench.env }, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      process.stderr.write(d);
    });
    child.on("close", (code) => resolve({ out, code }));
  });
}

const goalText = (g, unit) => (g.max !== undefined ? `≤ ${g.max} ${unit}` : `≥ ${g.min} ${unit}`);
const meets = (v, g) => (g.max !== undefined ? v <= g.max : v >= g.min);

const args = process.argv.slice(2);
const markdown = args.includes("--markdown");
const wanted = args.filter((a) => !a.startsWith("--"));
const rows = [];
for (const bench of BENCHES.filter((b) => !wanted.length || wanted.includes(b.name))) {
  process.stderr.write(`\n── ${bench.name} ──\n`);
  const { out, code } = await run(bench);
  for (const [label, re, unit, goal, group = 1] of bench.figures) {
    // Every match (a bench may print a line per view or database): the worst one against the goal.
    const values = [...out.matchAll(new RegExp(re.source, re.flags.includes("g") ? re.flags : re.flags + "g"))].map((x) => num(x[group]));
    const m = values.length > 0;
    const value = m ? (goal.max !== undefined ? Math.max(...values) : Math.min(...values)) : NaN;
    rows.push({ label, value, unit, goal: goalText(goal, unit), ok: m ? meets(value, goal) : false, note: m ? "" : code ? `bench failed (${code})` : "not printed" });
  }
}

const fmt = (r) => (Number.isNaN(r.value) ? "—" : `${r.value} ${r.unit}`);
if (markdown) {
  console.log(`| Figure | Measured | Goal | Met |\n|---|---|---|---|`);
  for (const r of rows) console.log(`| ${r.label} | ${fmt(r)} | ${r.goal} | ${r.note || (r.ok ? "yes" : "no")} |`);
} else {
  const w = Math.max(...rows.map((r) => r.label.length));
  console.log(`\n${"figure".padEnd(w)}  ${"measured".padStart(12)}  ${"goal".padEnd(12)}  met`);
  for (const r of rows) console.log(`${r.label.padEnd(w)}  ${fmt(r).padStart(12)}  ${r.goal.padEnd(12)}  ${r.note || (r.ok ? "yes" : "no")}`);
}
console.log(`\n${new Date().toISOString()} · ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"} · load ${os.loadavg()[0].toFixed(1)} · Node ${process.version}`);
