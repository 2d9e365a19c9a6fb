#!/usr/bin/env node
// Container healthcheck without curl (the image is node:22-slim): exit 0 when the URL answers 2xx within 4 s.
//   node scripts/healthcheck.mjs http://127.0.0.1:3000/api/health/ready [fallback-url]
// A 404 from the first URL (an older build without that endpoint) tries the fallback URL instead.
const [primary, fallback] = process.argv.slice(2);
if (!primary) {
  console.error("usage: healthcheck.mjs <url> [fallback-url]");
  process.exit(2);
}

async function check(url) {
  const res = await fetch(url, { signal: AbortSignal.timeout(4000) });
  await res.body?.cancel();
  return res.status;
}

try {
  let status = await check(primary);
  if (status === 404 && fallback) status = await check(fallback);
  if (status < 200 || status > 299) {
    console.error(`unhealthy: HTTP ${status}`);
    process.exit(1);
  }
} catch (err) {
  console.error(`unhealthy: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
