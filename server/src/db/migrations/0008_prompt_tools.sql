CREATE TABLE "prompt_stars" (
	"user_id" uuid NOT NULL,
	"prompt_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "prompt_stars_user_id_prompt_id_pk" PRIMARY KEY("user_id","prompt_id")
);
--> statement-breakpoint
ALTER TABLE "prompts" ADD COLUMN "variables" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "prompts" ADD COLUMN "last_used_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "prompts" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "prompts" ADD COLUMN "example_image_id" uuid;--> statement-breakpoint
ALTER TABLE "prompts" ADD COLUMN "copied_from_id" uuid;--> statement-breakpoint
ALTER TABLE "prompts" ADD COLUMN "copy_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "generation_queue" ADD COLUMN "prompt_id" uuid;--> statement-breakpoint
ALTER TABLE "prompt_stars" ADD CONSTRAINT "prompt_stars_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prompt_stars" ADD CONSTRAINT "prompt_stars_prompt_id_prompts_id_fk" FOREIGN KEY ("prompt_id") REFERENCES "public"."prompts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "prompt_stars_prompt_idx" ON "prompt_stars" USING btree ("prompt_id");--> statement-breakpoint
ALTER TABLE "prompts" ADD CONSTRAINT "prompts_example_image_id_images_id_fk" FOREIGN KEY ("example_image_id") REFERENCES "public"."images"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "prompts_public_idx" ON "prompts" USING btree ("is_public","published_at" DESC NULLS LAST);