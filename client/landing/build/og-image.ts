/**
 * Makes client/public/og-image.jpg (1200×630, the Open Graph / Twitter card picture): four sketch-engine renders
 * and the brand, laid out in HTML and photographed by headless Chromium so the text is set in Inter. A one-off —
 * the PNG is committed, so builds need neither fonts nor a browser. Regenerate after a brand change:
 *
 *   node -e 'import("vite").then((v) => v.runnerImport("./client/landing/build/og-image.ts")).then((m) => m.module.main())'
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import sharp from "sharp";
import { HERO_ART } from "./artwork-specs";
import { renderSketch } from "./entry";

const here = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.resolve(here, "../../public/og-image.jpg");

function interDataUrl() {
  const require = createRequire(path.resolve(here, "../../package.json"));
  const dir = path.dirname(require.resolve("@fontsource-variable/inter/package.json"));
  return `data:font/woff2;base64,${readFileSync(path.join(dir, "files/inter-latin-wght-normal.woff2")).toString("base64")}`;
}

async function tiles(): Promise<string[]> {
  return Promise.all(
    HERO_ART.map(async (a) => {
      const raw = await renderSketch({ prompt: a.prompt, seed: a.seed, width: 512, height: 512 });
      const png = await sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: 4 } })
        .png()
        .toBuffer();
      return `data:image/png;base64,${png.toString("base64")}`;
    }),
  );
}

const LOGO = `<svg viewBox="0 0 64 64" width="60" height="60"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#8B5CF6"/><stop offset="1" stop-color="#EC4899"/></linearGradient></defs><rect width="64" height="64" rx="14" fill="url(#g)"/><path d="M14 46l12-16 9 11 6-7 9 12z" fill="#fff"/><circle cx="44" cy="20" r="6" fill="#fff"/></svg>`;

function page(images: string[]) {
  return `<!doctype html><html><head><style>
    @font-face { font-family: Inter; src: url(${interDataUrl()}) format("woff2"); font-weight: 100 900; }
    * { box-sizing: border-box; margin: 0; }
    body { width: 1200px; height: 630px; overflow: hidden; font-family: Inter; color: #F9FAFB; padding: 64px;
      background: radial-gradient(60% 70% at 12% 8%, rgb(139 92 246 / .55), transparent 70%),
                  radial-gradient(55% 65% at 95% 100%, rgb(236 72 153 / .45), transparent 70%), linear-gradient(135deg, #0F172A, #1E1B4B);
      display: grid; grid-template-columns: 1fr 470px; gap: 48px; align-items: center; }
    .brand { display: flex; align-items: center; gap: 18px; font-size: 34px; font-weight: 700; letter-spacing: -0.01em; }
    h1 { margin-top: 64px; font-size: 60px; line-height: 1.06; font-weight: 800; letter-spacing: -0.03em; }
    h1 span { background: linear-gradient(90deg, #C4B5FD, #F9A8D4); -webkit-background-clip: text; color: transparent; }
    p { margin-top: 28px; font-size: 26px; color: #CBD5E1; }
    small { display: block; margin-top: 64px; font-size: 17px; color: #94A3B8; }
    .card { padding: 18px; border-radius: 28px; background: #1E293B; border: 2px solid #334155; display: grid; grid-template-columns: 1fr 1fr; gap: 14px; }
    .card img { width: 100%; aspect-ratio: 1; border-radius: 18px; display: block; }
  </style></head><body>
    <div><div class="brand">${LOGO}Image Studio</div>
      <h1>Make AI images,<br>iterate on them,<br><span>keep them everywhere</span></h1>
      <p>FLUX, SDXL and more · works offline</p>
      <small>Pictures: Image Studio’s local sketch engine — not AI output</small></div>
    <div class="card">${images.map((src) => `<img src="${src}" alt="">`).join("")}</div>
  </body></html>`;
}

export async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu"],
  });
  try {
    const tab = await browser.newPage({ viewport: { width: 1200, height: 630 } });
    await tab.setContent(page(await tiles()), { waitUntil: "load" });
    await tab.evaluate(() => document.fonts.ready);
    // JPEG: social sites take it, and the service worker precache (png, not jpg) does not pull it onto every device.
    const jpg = await sharp(await tab.screenshot({ type: "png" }))
      .jpeg({ quality: 86, mozjpeg: true })
      .toBuffer();
    writeFileSync(OUT, jpg);
    console.log(`wrote ${path.relative(process.cwd(), OUT)} (${jpg.length} bytes)`);
  } finally {
    await browser.close();
  }
}
