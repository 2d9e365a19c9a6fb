import path from "node:path";
import { fileURLToPath } from "node:url";
import tailwindcss from "@tailwindcss/vite";
import { tanstackRouter } from "@tanstack/router-plugin/vite";
import react from "@vitejs/plugin-react";
import { VitePWA } from "vite-plugin-pwa";
import { defineConfig } from "vitest/config";
import { landingPage } from "./client/landing/build/plugin";

const root = path.dirname(fileURLToPath(import.meta.url));
const client = path.join(root, "client");
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
      },
      devOptions: { enabled: false },
    }),
  ],
  build: {
    outDir: path.join(client, "dist"),
    emptyOutDir: true,
    target: "es2022",
    rollupOptions: {
      input: { index: path.join(client, "index.html"), app: path.join(client, "app.html") },
      output: {
        codeSplitting: {
          groups: [{ name: "shell", tags: ["$initial"], test: /[\\/]client[\\/]src[\\/]|[\\/]node_modules[\\/]|[\\/]shared[\\/]src[\\/]/ }],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { "/api": { target: apiTarget, changeOrigin: false } },
  },
  test: {
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
