#!/usr/bin/env node
/**
 * The app shell's initial JavaScript: the entry script of client/dist/app.html and every module it preloads,
 * brotli-compressed (quality 11, as a CDN or the precache would send them), largest first. Budget: ≤ 120 KB.
 *
 *   pnpm build:client && node bench/bundle.mjs          # --json <file> writes the figures for bench/run.mjs
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync } from "node:zlib";

const dist = process.env.BUNDLE_DIST ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../client/dist");
const BUDGET_KB = 120;

export function initialJs(htmlFile = "app.html") {
  const html = readFileSync(path.join(dist, htmlFile), "utf8");
  const files = [...html.matchAll(/<script type="module"[^>]*src="([^"]+)"|<link rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1] ?? m[2]);
  const rows = files.map((f) => {
    const bytes = readFileSync(path.join(dist, f));
    return { file: f.replace("/assets/", ""), raw: bytes.length, brotli: brotliCompressSync(bytes).length };
  });
  rows.sort((a, b) => b.brotli - a.brotli);
  return { files: rows.length, brotliKb: rows.reduce((s, r) => s + r.brotli, 0) / 1024, rawKb: rows.reduce((s, r) => s + r.raw, 0) / 1024, rows };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = initialJs();
  for (const row of r.rows.slice(0, 15)) console.log(`${(row.brotli / 1024).toFixed(1).padStart(7)} KB  ${row.file}`);
  console.log(`\nApp shell initial JS: ${r.brotliKb.toFixed(1)} KB brotli (${r.rawKb.toFixed(0)} KB raw) in ${r.files} files — budget ${BUDGET_KB} KB`);
  const j = process.argv.indexOf("--json");
  if (j > 0) writeFileSync(process.argv[j + 1], JSON.stringify({ brotliKb: r.brotliKb, files: r.files }));
}
