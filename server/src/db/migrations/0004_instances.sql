CREATE TABLE "instances" (
	"id" text PRIMARY KEY NOT NULL,
	"role" text NOT NULL,
	"hostname" text NOT NULL,
	"pid" integer NOT NULL,
	"version" text NOT NULL,
	"secret_fingerprint" text NOT NULL,
	"worker_id" text,
	"worker_concurrency" integer DEFAULT 0 NOT NULL,
	"active_jobs" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "instances_last_seen_idx" ON "instances" USING btree ("last_seen_at");