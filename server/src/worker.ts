import { closeDeps, createDeps, startWorker } from "./bootstrap";
import { EnvError, env as loadEnv } from "./env";

// The background worker: the same code as the API's in-process worker, as its own process for scale.
async function main() {
  const deps = await createDeps(loadEnv());
  const worker = startWorker(deps);
  const stop = async () => {
    await worker.stop();
    await closeDeps(deps);
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((err: unknown) => {
  process.stderr.write(err instanceof EnvError ? `${err.message}\n` : `Worker failed: ${String(err)}\n`);
  process.exit(1);
});
