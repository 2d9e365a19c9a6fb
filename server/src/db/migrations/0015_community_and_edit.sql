CREATE TABLE "community_favorites" (
	"user_id" uuid NOT NULL,
	"image_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "community_favorites_user_id_image_id_pk" PRIMARY KEY("user_id","image_id")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "handle" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "public_show_prompt" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "images" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "community_favorites" ADD CONSTRAINT "community_favorites_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_favorites" ADD CONSTRAINT "community_favorites_image_id_images_id_fk" FOREIGN KEY ("image_id") REFERENCES "public"."images"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "community_favorites_image_idx" ON "community_favorites" USING btree ("image_id");--> statement-breakpoint
CREATE INDEX "images_published_idx" ON "images" USING btree ("published_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "images"."is_public" AND "images"."deleted_at" IS NULL;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_handle_unique" UNIQUE("handle");--> statement-breakpoint
-- Hand-written backfill: images already marked public get a publication time (they show once their owner picks a handle).
UPDATE "images" SET "published_at" = "updated_at" WHERE "is_public" AND "published_at" IS NULL;
