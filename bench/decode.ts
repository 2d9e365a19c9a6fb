/**
 * Decode benchmark (issue 13 item 6): how fast a pixel bomb is refused, what one big re-encode costs, and how
 * long a file-system round trip (what /api/health's storage check does) waits while 4 big uploads decode —
 * unbounded on sharp's default path vs. through the bounded decode pool.
 *
 *   pnpm bench:decode            # DECODE_CONCURRENCY=2 by default
 *   DECODE_CONCURRENCY=1 pnpm bench:decode
 */
import { mkdtempSync, rmSync } from "node:fs";
import { stat, unlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { decodePool } from "../server/src/lib/decode-pool";
import { checkImageBytes, reencode } from "../server/src/modules/uploads/uploads.check";

const SIZE = Number(process.env.DECODE_CONCURRENCY ?? 2);
const PARALLEL = 4;
const ms = (n: number) => `${n.toFixed(0)} ms`;
const flat = (w: number, h: number) =>
  sharp({ create: { width: w, height: h, channels: 3, background: "#336699" } })
    .png({ compressionLevel: 9 })
    .toBuffer();

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const v = await fn();
  return [v, performance.now() - t];
}

/** A write + stat + delete in a temp dir: three trips through libuv's thread pool, like the storage check. */
async function fsRoundTrip(dir: string) {
  const file = path.join(dir, `probe-${Math.random()}`);
  return (
    await timed(async () => {
      await writeFile(file, "x");
      await stat(file);
      await unlink(file);
    })
  )[1];
}

async function underLoad(label: string, dir: string, decode: () => Promise<unknown>, started: () => Promise<void>) {
  const [, total] = await timed(async () => {
    const jobs = Array.from({ length: PARALLEL }, decode);
    await started();
    const probe = await fsRoundTrip(dir);
    await Promise.all(jobs);
    console.log(`${label.padEnd(40)} fs round trip during decodes: ${ms(probe)}`);
  });
  console.log(`${"".padEnd(40)} ${PARALLEL} decodes done in ${ms(total)}`);
}

const dir = mkdtempSync(path.join(os.tmpdir(), "decode-bench-"));
const bomb = await flat(6100, 6100);
const big = await flat(4800, 4800);
const maxPixels = 25_000_000;
console.log(
  `bomb: ${(bomb.length / 1024).toFixed(0)} KB PNG of ${((6100 * 6100) / 1e6).toFixed(1)} MP; big: 4800×4800`,
);
const [refused, refuseMs] = await timed(() =>
  checkImageBytes(bomb, { maxPixels }).then(
    () => "accepted",
    (e: Error) => e.message,
  ),
);
console.log(`bomb refused in ${ms(refuseMs)} — ${refused}`);

const pool = decodePool(SIZE);
const checked = await checkImageBytes(big, { maxPixels });
const [, one] = await timed(() => reencode(pool, big, { maxPixels, mask: false, checked }));
console.log(`one 23 MP re-encode in the pool: ${ms(one)}; idle fs round trip: ${ms(await fsRoundTrip(dir))}`);

await underLoad(
  "unbounded (sharp on the main thread)",
  dir,
  () => sharp(big, { limitInputPixels: maxPixels }).autoOrient().webp({ quality: 95 }).toBuffer(),
  () => new Promise((r) => setTimeout(r, 100)),
);
await underLoad(
  `decode pool (DECODE_CONCURRENCY=${SIZE})`,
  dir,
  () => reencode(pool, big, { maxPixels, mask: false, checked }),
  async () => {
    while (pool.stats().decoding < Math.min(SIZE, PARALLEL)) await new Promise((r) => setTimeout(r, 5));
  },
);
await pool.close();
rmSync(dir, { recursive: true, force: true });
