import { defineConfig } from "tsup";

// One file with no runtime dependencies (only node: built-ins); shared/ contributes types only.
export default defineConfig({
  entry: { index: "src/index.ts" },
  format: ["esm"],
  platform: "node",
  target: "node20",
  outDir: "dist",
  clean: true,
  noExternal: ["@image-studio/shared"],
});
