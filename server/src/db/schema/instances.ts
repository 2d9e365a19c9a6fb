import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Every running API and worker process, kept fresh by its heartbeat and removed when it stops. Health reads live
 * workers from here; a process refuses to start beside live ones signing sessions with a different secret.
 */
export const instances = pgTable(
  "instances",
  {
    id: text("id").primaryKey(),
    /** "api" or "worker" (a standalone worker process). */
    role: text("role").notNull(),
    hostname: text("hostname").notNull(),
    pid: integer("pid").notNull(),
    version: text("version").notNull(),
    /** A one-way fingerprint of BETTER_AUTH_SECRET, never the secret. */
    secretFingerprint: text("secret_fingerprint").notNull(),
    /** The lease owner id of the worker this process runs, or null when it runs none. */
    workerId: text("worker_id"),
    workerConcurrency: integer("worker_concurrency").notNull().default(0),
    activeJobs: integer("active_jobs").notNull().default(0),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("instances_last_seen_idx").on(t.lastSeenAt)],
);
