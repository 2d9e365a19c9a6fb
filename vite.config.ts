import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import tailwindcss from "@tailwindcss/vite";
import { tanstackRouter } from "@tanstack/router-plugin/vite";
import react from "@vitejs/plugin-react";
import { VitePWA } from "vite-plugin-pwa";
import { defineConfig } from "vitest/config";
import { APP_PAGES_FILE, appPages } from "./client/landing/build/app-pages";
import { landingPage } from "./client/landing/build/plugin";
import { routeChunks } from "./client/landing/build/route-chunks";

const root = path.dirname(fileURLToPath(import.meta.url));
const client = path.join(root, "client");
/** The app's own code, its packages and the shared contracts (everything but Vite's and the PWA's helpers). */
const APP_CODE = /[\\/]client[\\/]src[\\/]|[\\/]node_modules[\\/]|[\\/]shared[\\/]src[\\/]/;
const apiTarget = `http://127.0.0.1:${process.env.API_PORT ?? "3001"}`;

export default defineConfig({
  root: client,
  publicDir: path.join(client, "public"),
  resolve: { alias: { "@": path.join(client, "src") } },
  plugins: [
    tanstackRouter({
      target: "react",
      routesDirectory: path.join(client, "src/routes"),
      generatedRouteTree: path.join(client, "src/routeTree.gen.ts"),
      autoCodeSplitting: true,
      // Loaders get their own chunk too: what they import (the offline engine, feature APIs) then loads with the
      // page that needs it, not in the app entry before first paint (docs/decisions/performance.md).
      codeSplittingOptions: {
        defaultBehavior: [["loader"], ["component"], ["pendingComponent"], ["errorComponent"], ["notFoundComponent"]],
      },
      quoteStyle: "double",
    }),
    react(),
    tailwindcss(),
    landingPage(),
    appPages(),
    routeChunks(),
    VitePWA({
      strategies: "injectManifest",
      srcDir: "src/sw",
      filename: "sw.ts",
      registerType: "prompt",
      injectRegister: false,
      manifest: false,
      injectManifest: {
        globPatterns: ["**/*.{js,css,html,svg,png,webp,avif,woff2,webmanifest,json,txt,xml}"],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        // The prerendered signed-out pages are for the server's first answer; offline, the shell renders them.
        globIgnores: [APP_PAGES_FILE],
      },
      devOptions: { enabled: false },
    }),
  ],
  build: {
    outDir: path.join(client, "dist"),
    emptyOutDir: true,
    target: "es2022",
    // Every browser the app supports preloads modules itself (Chrome 66, Firefox 115, Safari 17; older ones just
    // load them without the hint): Vite's polyfill was one more render-blocking request on the landing and the shell.
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: { index: path.join(client, "index.html"), app: path.join(client, "app.html") },
      output: {
        codeSplitting: {
          groups: [
            { name: "shell", tags: ["$initial"], priority: 9, test: APP_CODE },
            // Pages in a few files each (docs/decisions/performance.md, "Fewer files"): left to automatic chunking, a
            // module shared by a different set of pages and lazy parts was a file of its own — the gallery's first
            // visit fetched 101 files (32 under 1 KB), sign-in's 42, and every file a page starts costs the renderer
            // 0.5–1.5 ms of main thread on top of its request. Each group below takes the pages its test names and,
            // with includeDependenciesRecursively (the default), everything they import that no group above took. A
            // group's modules so import only its own, the groups' above and the shell: no two chunks import each
            // other (grouping the UI kit by `entriesAware` made such a cycle: "is not a function" at load). Order:
            // the pages someone's first visit lands on come first, so they load no signed-in code — /try alone (it
            // is the landing's call to action), then the sign-in pages, then the shared-link and public profile
            // pages; then the signed-in layout with the gallery, its home page. A page loads its group's chunk and
            // the chunks above it that hold modules it needs; other pages and lazy parts keep automatic chunking.
            { name: "try", priority: 8, test: /[\\/]client[\\/]src[\\/]routes[\\/]try\.tsx/ },
            // Libraries split out of the groups that import them, each evaluated in a step of its own on a first visit
            // (client/landing/build/route-chunks.ts): the sign-in group was one 21 ms task on a 2-core machine (zod
            // and the form library most of it), the signed-in group's 424 KB another (Dexie and the offline engine,
            // dnd-kit); a task over 12.5 ms there is a long task on Lighthouse's phone. One more file per split.
            { name: "forms", priority: 7, test: /[\\/]node_modules[\\/](zod|react-hook-form|@hookform)[\\/]/ },
            { name: "auth", priority: 6, test: /[\\/]client[\\/]src[\\/]routes[\\/](sign-in|sign-up|forgot-password|reset-password|verify-email)\.tsx/ },
            { name: "public", priority: 5, test: /[\\/]client[\\/]src[\\/]routes[\\/](s\.\$token|community|u\.\$handle)\.tsx/ },
            { name: "offline", priority: 4, test: /[\\/](node_modules[\\/]dexie|client[\\/]src[\\/]offline)[\\/]/ },
            { name: "dnd", priority: 3, test: /[\\/]node_modules[\\/]@dnd-kit[\\/]/ },
            { name: "app", priority: 2, test: /[\\/]client[\\/]src[\\/]routes[\\/](_app\.tsx|_app[\\/]gallery\.tsx)/ },
            // Left to automatic chunking, every icon shared by a different set of pages was a file of its own (≈ 1 KB):
            // the gallery's first visit fetched 150 files, six at a time over HTTP/1.1. Icons the groups above did not
            // take are grouped by the pages that use them, sets under 6 KB merged into a neighbour.
            { name: "icons", priority: 1, test: /[\\/]node_modules[\\/]lucide-react[\\/]/, entriesAware: true, entriesAwareMergeThreshold: 6 * 1024 },
          ],
        },
        // Icon chunks are named after every page that shares them (hundreds of characters): the group name is enough.
        chunkFileNames: (chunk) => `assets/${/^icons~/.test(chunk.name) ? chunk.name.split("~")[0] : "[name]"}-[hash].js`,
      },
    },
  },
  server: {
    port: 5173,
    proxy: { "/api": { target: apiTarget, changeOrigin: false } },
  },
  test: {
    // One test process per core (Vitest's own default is one fewer: a single process on a 2-core machine). The
    // processes wait on scrypt, the database and the local engine often enough to keep every core busy.
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      {
        test: { name: "shared", root, include: ["shared/src/**/*.test.ts"], environment: "node" },
      },
      {
        test: {
          name: "server",
          root,
          include: ["server/src/**/*.test.ts", "server/test/**/*.test.ts"],
          environment: "node",
          globalSetup: ["server/test/global-setup.ts"],
          // Files in one test process share its modules (the server's import graph once per process, not per
          // file: it was a quarter of the tier's time) and its database (harness.ts); no test relies on fresh
          // module state — they share PostgreSQL's database the same way in the CI pass.
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias: { "@": path.join(client, "src") } },
        plugins: [react()],
        test: {
          name: "client",
          root,
          include: ["client/src/**/*.test.{ts,tsx}"],
          environment: "happy-dom",
          setupFiles: ["client/test/setup.ts"],
        },
      },
    ],
  },
});
