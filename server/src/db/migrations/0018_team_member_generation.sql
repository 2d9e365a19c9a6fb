ALTER TABLE "images" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "generation_queue" ADD COLUMN "owner_id" uuid;--> statement-breakpoint
ALTER TABLE "images" ADD CONSTRAINT "images_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "generation_queue" ADD CONSTRAINT "generation_queue_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;