CREATE TABLE "batch_presets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "generation_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"client_id" text,
	"name" text NOT NULL,
	"state" text DEFAULT 'active' NOT NULL,
	"priority" smallint DEFAULT 0 NOT NULL,
	"sort_key" double precision NOT NULL,
	"model_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"project_id" uuid,
	"total" integer NOT NULL,
	"estimated_credits" integer DEFAULT 0 NOT NULL,
	"request" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"scheduled_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"round" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "generation_queue" ADD COLUMN "batch_index" integer;--> statement-breakpoint
ALTER TABLE "generation_queue" ADD COLUMN "sort_key" double precision DEFAULT (1e14 + extract(epoch from now()) * 1000) NOT NULL;--> statement-breakpoint
ALTER TABLE "batch_presets" ADD CONSTRAINT "batch_presets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "generation_batches" ADD CONSTRAINT "generation_batches_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "generation_batches" ADD CONSTRAINT "generation_batches_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "batch_presets_user_idx" ON "batch_presets" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "generation_batches_user_idx" ON "generation_batches" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "generation_batches_user_client_uq" ON "generation_batches" USING btree ("user_id","client_id");--> statement-breakpoint
ALTER TABLE "generation_queue" ADD CONSTRAINT "generation_queue_batch_id_generation_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."generation_batches"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "generation_queue_batch_idx" ON "generation_queue" USING btree ("batch_id","batch_index");--> statement-breakpoint
UPDATE "generation_queue" SET "sort_key" = (10 - "priority") * 1e13 + extract(epoch from "created_at") * 1000;
