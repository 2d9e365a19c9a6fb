ALTER TABLE "images" ADD COLUMN "media_type" text DEFAULT 'image' NOT NULL;--> statement-breakpoint
ALTER TABLE "images" ADD COLUMN "duration_seconds" double precision;--> statement-breakpoint
CREATE INDEX "images_user_media_idx" ON "images" USING btree ("user_id","media_type");--> statement-breakpoint
ALTER TABLE "images" ADD CONSTRAINT "images_media_type" CHECK ("images"."media_type" IN ('image', 'video'));