import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Liveness, Readiness } from "@image-studio/shared";
import { Hono } from "hono";
import type { Deps } from "../../context";
import type { Worker } from "../../jobs/worker";
import { scrape } from "../metrics/metrics.routes";
import { checkDatabase } from "./health.service";

export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

/**
 * A standalone worker's probes: GET /live (answers), GET /ready (database answers and the worker claims jobs), and
 * GET /metrics (its job metrics, for a scraper holding METRICS_TOKEN, as on the API).
 */
export function workerHealthApp(deps: Deps, worker: Worker) {
  return new Hono()
    .get("/live", (c) => c.json({ status: "ok", uptimeSeconds: Math.round(process.uptime()) } satisfies Liveness))
    .get("/ready", async (c) => {
      const database = await checkDatabase(deps);
      const ready = database.ok && worker.isRunning;
      const body: Readiness = {
        status: ready ? "ready" : "unavailable",
        database,
        worker: { id: worker.id, running: worker.isRunning, activeJobs: worker.activeJobs },
      };
      return c.json(body, ready ? 200 : 503);
    })
    .get("/metrics", async (c) => {
      const out = await scrape(deps, c.req.header("authorization"));
      if (out.status !== 200) return c.text(out.status === 404 ? "Not found" : "A valid metrics token is required", out.status);
      c.header("Cache-Control", "no-store");
      return c.body(out.body, 200, { "Content-Type": out.contentType });
    });
}

/** Serves the probes on `port` (0: any free port); rejects when the port cannot be bound. */
export function serveWorkerHealth(
  deps: Deps,
  worker: Worker,
  port: number,
  hostname = deps.env.HOST,
): Promise<HealthServer> {
  const app = workerHealthApp(deps, worker);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname });
    server.once("error", reject);
    server.once("listening", () => {
      server.off("error", reject);
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
