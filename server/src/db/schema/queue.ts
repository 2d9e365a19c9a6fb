import { sql } from "drizzle-orm";
import { doublePrecision, index, integer, jsonb, pgTable, real, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, syncVersion, updatedAt } from "./_helpers";
import { users } from "./auth";
import { generationBatches } from "./batch";
import { images } from "./images";
import { projects } from "./projects";

export const JOB_STATUSES = ["pending", "processing", "completed", "failed", "cancelled"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** The durable queue: workers claim rows with FOR UPDATE SKIP LOCKED under an expiring lease. */
export const generationQueue = pgTable(
  "generation_queue",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /**
     * Whose scope the results land in when a team member generates into a project shared with them: the
     * project's owner (images, files, sources are theirs). Null: the job's user. `user_id` stays the member, who
     * pays, sees the job and gets its events.
     */
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "cascade" }),
    projectId: uuid("project_id").references(() => projects.id, { onDelete: "set null" }),
    /** Client-minted idempotency key: the same clientId twice makes one job. */
    clientId: text("client_id"),
    batchId: uuid("batch_id").references(() => generationBatches.id, { onDelete: "set null" }),
    /** The item's place in its batch (retries of an item share it). */
    batchIndex: integer("batch_index"),
    /** The saved prompt or template the request came from (counts a use; keep-rate per prompt). No FK: prompts may go. */
    promptId: uuid("prompt_id"),
    /** The id of the request that queued the job, carried into the job's log lines. */
    requestId: text("request_id"),
    operation: text("operation").notNull().default("text-to-image"),
    prompt: text("prompt").notNull().default(""),
    negativePrompt: text("negative_prompt").notNull().default(""),
    modelId: text("model_id").notNull(),
    provider: text("provider").notNull(),
    parameters: jsonb("parameters").$type<Record<string, unknown>>().notNull().default({}),
    /** Source image / mask / style reference ids for derived operations. */
    inputs: jsonb("inputs").$type<Record<string, unknown>>().notNull().default({}),
    parentImageId: uuid("parent_image_id").references(() => images.id, { onDelete: "set null" }),
    status: text("status").$type<JobStatus>().notNull().default("pending"),
    priority: smallint("priority").notNull().default(0),
    /**
     * The job's place in its owner's line: priority band first, then time (see queueSortKey), rewritten when the
     * user drags a job or batch. Default: a priority-0 job queued now.
     */
    sortKey: doublePrecision("sort_key")
      .notNull()
      .default(sql`(1e14 + extract(epoch from now()) * 1000)`),
    progress: real("progress").notNull().default(0),
    falRequestId: text("fal_request_id"),
    errorMessage: text("error_message"),
    errorCode: text("error_code"),
    retryCount: integer("retry_count").notNull().default(0),
    maxRetries: integer("max_retries").notNull().default(3),
    runAfter: timestamp("run_after", { withTimezone: true }).notNull().defaultNow(),
    leaseOwner: text("lease_owner"),
    leaseExpiresAt: timestamp("lease_expires_at", { withTimezone: true }),
    creditsHeld: integer("credits_held").notNull().default(0),
    creditsCharged: integer("credits_charged").notNull().default(0),
    imageIds: uuid("image_ids").array().notNull().default(sql`'{}'::uuid[]`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    version: syncVersion(),
  },
  (t) => [
    index("generation_queue_user_status_idx").on(t.userId, t.status),
    index("generation_queue_claim_idx")
      .on(t.priority.desc(), t.createdAt)
      .where(sql`${t.status} = 'pending'`),
    index("generation_queue_lease_idx")
      .on(t.leaseExpiresAt)
      .where(sql`${t.status} = 'processing'`),
    index("generation_queue_user_version_idx").on(t.userId, t.version),
    index("generation_queue_batch_idx").on(t.batchId, t.batchIndex),
    uniqueIndex("generation_queue_user_client_id_uq").on(t.userId, t.clientId),
    uniqueIndex("generation_queue_fal_request_uq").on(t.falRequestId),
  ],
);
