import path from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { createApp } from "./app";
import { closeDeps, createDeps, startWorker } from "./bootstrap";
import { EnvError, env as loadEnv } from "./env";
import { startTrashCleanup } from "./modules/images/trash.service";
import { startUploadCleanup } from "./modules/uploads/uploads.cleanup";

async function main() {
  const env = loadEnv();
  const deps = await createDeps(env);
  const here = path.dirname(fileURLToPath(import.meta.url));
  const staticDir = path.resolve(here, "../../client/dist");
  const app = createApp(deps, { staticDir });
  const worker = env.WORKER_IN_PROCESS ? startWorker(deps) : undefined;
  const trashCleanup = startTrashCleanup(deps);
  const uploadCleanup = startUploadCleanup(deps);
  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
    deps.log.info(`Image Studio listening on http://localhost:${info.port}`, { port: info.port });
  });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    deps.log.info("shutting down", { signal });
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    server.close();
    await worker?.stop();
    await trashCleanup.stop();
    await uploadCleanup.stop();
    await closeDeps(deps);
    clearTimeout(force);
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((err: unknown) => {
  if (err instanceof EnvError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(`Image Studio failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  process.exit(1);
});
