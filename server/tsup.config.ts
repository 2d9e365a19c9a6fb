import { cpSync } from "node:fs";
import { defineConfig } from "tsup";

// Bundles the server's own code and shared/ into dist/; npm dependencies stay external.
export default defineConfig({
  entry: { index: "src/index.ts", worker: "src/worker.ts", migrate: "src/db/migrate-cli.ts", seed: "src/db/seed-cli.ts" },
  format: ["esm"],
  platform: "node",
  target: "node20",
  outDir: "dist",
  clean: true,
  sourcemap: true,
  noExternal: ["@image-studio/shared"],
  onSuccess: async () => {
    cpSync("src/db/migrations", "dist/migrations", { recursive: true });
    // The decode pool's worker thread is plain JavaScript, loaded next to the bundle (see lib/decode-pool.ts).
    cpSync("src/lib/decode-worker.mjs", "dist/decode-worker.mjs");
  },
});
