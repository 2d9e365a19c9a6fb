import type { Deps } from "../../context";
import type { JobEvent } from "../../jobs/events";
import { getJobById } from "../../jobs/queue.repo";
import { ProviderRegistry } from "../../providers/registry";
import { ProviderError, type ImageProvider } from "../../providers/types";
import { type AppMetrics, metricsFor } from "./metrics.registry";

const CALLS = ["submit", "status", "result", "cancel"] as const;
const instrumented = new WeakSet<Deps>();

/**
 * Job and engine metrics for a process that runs jobs (the API with its in-process worker, a standalone worker):
 * every job this process ends is timed by model and final status, every engine error counted by kind. Call once
 * per process, before the worker starts; it decorates `deps.events.publish` and `deps.providers`.
 */
export function instrumentJobs(deps: Deps): AppMetrics {
  const m = metricsFor(deps);
  if (instrumented.has(deps)) return m;
  instrumented.add(deps);
  const { local, fal } = deps.providers;
  deps.providers = new ProviderRegistry(countErrors(local, m), fal && countErrors(fal, m));
  const publish = deps.events.publish.bind(deps.events);
  deps.events.publish = (userId: string, event: JobEvent) => {
    publish(userId, event);
    if (event.type === "completed" || event.type === "cancelled" || (event.type === "failed" && !event.willRetry)) {
      void observeEnd(deps, m, event.jobId).catch((err: unknown) =>
        deps.log.warn("job metrics failed", { jobId: event.jobId, err }),
      );
    }
  };
  return m;
}

async function observeEnd(deps: Deps, m: AppMetrics, jobId: string) {
  const job = await getJobById(deps.database.db, jobId);
  if (!job?.completedAt) return;
  const labels = { model: job.modelId, status: job.status };
  const end = job.completedAt.getTime();
  m.jobTotalSeconds.observe(labels, Math.max(0, end - job.createdAt.getTime()) / 1000);
  if (job.startedAt) m.jobRunSeconds.observe(labels, Math.max(0, end - job.startedAt.getTime()) / 1000);
  deps.log.info("job ended", {
    jobId,
    requestId: job.requestId ?? undefined,
    modelId: job.modelId,
    status: job.status,
    retries: job.retryCount,
    errorCode: job.errorCode ?? undefined,
  });
}

/** The same engine, with each ProviderError counted (by engine, call and kind) on its way through. */
function countErrors(provider: ImageProvider, m: AppMetrics): ImageProvider {
  const wrapped = Object.create(provider) as ImageProvider;
  for (const call of CALLS) {
    const original = provider[call].bind(provider) as (...args: unknown[]) => Promise<unknown>;
    Object.defineProperty(wrapped, call, {
      value: async (...args: unknown[]) => {
        try {
          return await original(...args);
        } catch (err) {
          m.providerErrors.inc({
            provider: provider.id,
            call,
            kind: err instanceof ProviderError ? err.kind : "unexpected",
          });
          throw err;
        }
      },
    });
  }
  return wrapped;
}
