#!/usr/bin/env node
// Starts an s3rver (a local S3 protocol server) on a free port; writes the port to a file once listening.
// Usage: node scripts/s3rver.mjs <directory> [port-file]
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(new URL("../server/package.json", import.meta.url));
const S3rver = require("s3rver");
const [dir = ".tmp/s3", portFile] = process.argv.slice(2);
const server = new S3rver({ address: "127.0.0.1", port: Number(process.env.S3RVER_PORT ?? 0), silent: true, directory: dir });
const { port } = await server.run();
if (portFile) writeFileSync(portFile, String(port));
console.log(`s3rver listening on http://127.0.0.1:${port}`);
const stop = () => server.close().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
