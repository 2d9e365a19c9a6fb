DROP TABLE "shared_images" CASCADE;--> statement-breakpoint
DROP TABLE "shared_projects" CASCADE;