#!/usr/bin/env node
// Writes a Brotli (quality 11) and a gzip (level 9) copy beside each compressible file of the built client, once, at
// build time: the server sends them as they are (server/src/lib/static.ts, serveStatic's `precompressed`) instead of
// gzipping every script on every request at runtime. Brotli at 11 is too slow to run per request (≈ 120 ms for the
// landing's 75 KB) but makes the app shell's scripts ≈ 14 % smaller than the runtime gzip did.
//
//   node scripts/precompress.mjs [dir]      (default: client/dist; `pnpm run build:client` runs it after vite build)
//
// Left out: files under 1 KB (one TCP segment either way), files that would not get smaller, pictures and fonts
// (compressed already), HTML (the server answers its pages from memory and compresses those itself), and files that
// carry the site-origin placeholder (filled in with APP_URL when served, so a copy made now would be wrong).
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import zlib from "node:zlib";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dir = path.resolve(process.argv[2] ?? path.join(root, "client/dist"));
const COMPRESSIBLE = /\.(js|mjs|css|svg|json|webmanifest|txt|xml)$/;
const MIN_BYTES = 1024;
/** client/landing/build/seo.ts and server/src/lib/static.ts name the same string. */
const SITE_ORIGIN_PLACEHOLDER = "https://site-origin.image-studio.invalid";
/** The build's prerendered pages (read by the server, never sent as a file). */
const SKIP = new Set(["app-pages.json"]);

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

async function filesUnder(d) {
  const out = [];
  for (const entry of await readdir(d, { withFileTypes: true })) {
    const p = path.join(d, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(p)));
    else if (entry.isFile() && COMPRESSIBLE.test(entry.name) && !SKIP.has(entry.name)) out.push(p);
  }
  return out;
}

async function precompress(file) {
  if ((await stat(file)).size < MIN_BYTES) return null;
  const bytes = await readFile(file);
  if (bytes.includes(SITE_ORIGIN_PLACEHOLDER)) return null;
  const [br, gz] = await Promise.all([
    brotli(bytes, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
      },
    }),
    gzip(bytes, { level: 9 }),
  ]);
  const written = { raw: bytes.byteLength, br: 0, gz: 0 };
  if (br.byteLength < bytes.byteLength) await writeFile(`${file}.br`, br).then(() => (written.br = br.byteLength));
  if (gz.byteLength < bytes.byteLength) await writeFile(`${file}.gz`, gz).then(() => (written.gz = gz.byteLength));
  return written;
}

const started = performance.now();
const files = await filesUnder(dir).catch((e) => {
  console.error(`precompress: cannot read ${dir} (${e.code ?? e.message}); build the client first.`);
  process.exit(1);
});
// zlib's async calls run on libuv's thread pool: one file per core at a time keeps every core busy.
const queue = [...files];
const totals = { files: 0, raw: 0, br: 0, gz: 0 };
await Promise.all(
  Array.from({ length: Math.max(1, os.availableParallelism?.() ?? os.cpus().length) }, async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      const w = await precompress(file);
      if (!w) continue;
      totals.files++;
      totals.raw += w.raw;
      totals.br += w.br;
      totals.gz += w.gz;
    }
  }),
);
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
console.log(
  `precompress: ${totals.files} files in ${path.relative(root, dir) || "."}, ${kb(totals.raw)} → ${kb(totals.br)} brotli, ` +
    `${kb(totals.gz)} gzip (${((performance.now() - started) / 1000).toFixed(1)} s)`,
);
