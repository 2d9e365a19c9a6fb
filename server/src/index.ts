import path from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { createApp } from "./app";
import { closeDeps, createDeps, startWorker } from "./bootstrap";
import { EnvError, env as loadEnv } from "./env";
import { closeConnectionsWhileDraining, closeServer, drainFor } from "./lib/shutdown";
import { instrumentJobs } from "./modules/metrics/metrics.jobs";
import { startTrashCleanup } from "./modules/images/trash.service";
import { startDraftCleanup } from "./modules/account-data/account-data.retention";
import { startUploadCleanup } from "./modules/uploads/uploads.cleanup";

async function main() {
  const env = loadEnv();
  const deps = await createDeps(env);
  const here = path.dirname(fileURLToPath(import.meta.url));
  const staticDir = path.resolve(here, "../../client/dist");
  instrumentJobs(deps);
  const app = createApp(deps, { staticDir });
  const worker = env.WORKER_IN_PROCESS ? startWorker(deps) : undefined;
  const trashCleanup = startTrashCleanup(deps);
  const uploadCleanup = startUploadCleanup(deps);
  const draftCleanup = startDraftCleanup(deps);
  const drain = drainFor(deps);
  const server = serve({ fetch: closeConnectionsWhileDraining(drain, app.fetch), port: env.PORT, hostname: env.HOST }, (info) => {
    deps.log.info(`Image Studio listening on http://localhost:${info.port}`, { port: info.port });
  });

  let closing = false;
  // SIGTERM: stop accepting connections, end event streams with a retry hint, let in-flight requests and running
  // jobs finish for SHUTDOWN_DRAIN_SECONDS, then cut what is left and release unfinished jobs to other workers.
  const shutdown = async (signal: string) => {
    if (closing) {
      if (signal === "SIGINT") process.exit(1); // a second Ctrl-C: stop now
      return;
    }
    closing = true;
    const drainMs = env.SHUTDOWN_DRAIN_SECONDS * 1000;
    deps.log.info("shutting down: draining requests and jobs", { signal, drainMs });
    setTimeout(() => process.exit(1), drainMs + 15_000).unref();
    const [{ forced }, releasedJobs = 0] = await Promise.all([closeServer(server, { drain, drainMs, log: deps.log }), worker?.stop(drainMs)]);
    await trashCleanup.stop();
    await uploadCleanup.stop();
    await draftCleanup.stop();
    await closeDeps(deps);
    deps.log.info("stopped", { signal, cutConnections: forced, releasedJobs });
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
