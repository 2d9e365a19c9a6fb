import { closeDeps, createDeps, startWorker } from "./bootstrap";
import { EnvError, env as loadEnv } from "./env";
import { describeError } from "./lib/error-details";
import { createLogger } from "./lib/logger";
import { serveWorkerHealth } from "./modules/health/worker-health";
import { instrumentJobs } from "./modules/metrics/metrics.jobs";

// The background worker: the same code as the API's in-process worker, as its own process for scale.
async function main() {
  const env = loadEnv();
  const log = createLogger(env.LOG_LEVEL).child({ process: "worker" });
  const deps = await createDeps(env, log, { role: "worker" });
  instrumentJobs(deps);
  const worker = startWorker(deps);
  const health = env.WORKER_HEALTH_PORT !== undefined ? await serveWorkerHealth(deps, worker, env.WORKER_HEALTH_PORT) : undefined;
  if (health) log.info("worker health listening", { port: health.port, paths: ["/live", "/ready", "/metrics"] });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("worker stopping", { signal, id: worker.id, activeJobs: worker.activeJobs });
    await worker.stop(env.SHUTDOWN_DRAIN_SECONDS * 1000); // finishes or releases its jobs
    await health?.close();
    await closeDeps(deps);
    log.info("worker stopped", { id: worker.id });
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((err: unknown) => {
  process.stderr.write(err instanceof EnvError ? `${err.message}\n` : `Worker failed to start: ${describeError(err)}\n${err instanceof Error ? (err.stack ?? "") : ""}\n`);
  process.exit(1);
});
