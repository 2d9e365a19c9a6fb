#!/usr/bin/env node
// Development: the API (tsx watch, port API_PORT=3001) and Vite with HMR (port 5173) proxying /api to it.
import { spawn } from "node:child_process";

const apiPort = process.env.API_PORT ?? "3001";
const children = [
  spawn("pnpm", ["--filter", "@image-studio/server", "dev"], { stdio: "inherit", env: { ...process.env, PORT: apiPort, APP_URL: process.env.APP_URL ?? "http://localhost:5173" } }),
  spawn("pnpm", ["exec", "vite"], { stdio: "inherit", env: { ...process.env, API_PORT: apiPort } }),
];
const stop = () => children.forEach((c) => c.kill("SIGTERM"));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
for (const c of children) c.on("exit", (code) => { stop(); process.exitCode = code ?? 0; });
