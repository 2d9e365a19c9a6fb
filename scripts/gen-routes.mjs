#!/usr/bin/env node
// Regenerates client/src/routeTree.gen.ts from client/src/routes (the same generator the Vite plugin runs).
import path from "node:path";
import { Generator, getConfig } from "@tanstack/router-generator";

const root = path.resolve(import.meta.dirname, "..", "client");
const config = getConfig({
  target: "react",
  routesDirectory: path.join(root, "src/routes"),
  generatedRouteTree: path.join(root, "src/routeTree.gen.ts"),
  quoteStyle: "double",
  autoCodeSplitting: true,
});
const generator = new Generator({ config, root });
await generator.run();
