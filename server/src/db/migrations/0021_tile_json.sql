ALTER TABLE "images" ADD COLUMN "tile_json" text;--> statement-breakpoint
-- The gallery tile's JSON text, made once per write instead of on every page read (docs/decisions/performance.md,
-- "The gallery tile written once"). The expression is modules/images/images.tile-json.ts's `tileOrNull` with
-- "images". written NEW.; server/test/images/tile-json.test.ts compares the two. A change to the tile's fields needs
-- a migration replacing this function and running the UPDATE below again. extra_float_digits is pinned so a writer's
-- session setting (pg_dump's 3, say) cannot change how a duration is written.
CREATE FUNCTION "images_tile_json"() RETURNS trigger LANGUAGE plpgsql SET extra_float_digits = 1 AS $tile$
BEGIN
  NEW.tile_json := CASE WHEN (NEW."duration_seconds" IS NULL OR (abs(NEW."duration_seconds") >= 1e-4 AND abs(NEW."duration_seconds") < 1e15))
  AND NEW."created_at" >= '0001-01-01T00:00:00Z' AND NEW."created_at" < '10000-01-01T00:00:00Z' AND (NEW."deleted_at" IS NULL OR (NEW."deleted_at" >= '0001-01-01T00:00:00Z' AND NEW."deleted_at" < '10000-01-01T00:00:00Z'))
  AND (octet_length(NEW."prompt") <= 300 OR left(NEW."prompt", 300) !~ '[\U00010000-\U0010FFFF]') THEN '{"id":' || '"' || NEW."id"::text || '"' || ',"projectId":' || coalesce('"' || NEW."project_id"::text || '"', 'null') || ',"prompt":' || to_json(left(NEW."prompt", 300))::text || ',"altText":' || to_json(NEW."alt_text")::text || ',"modelId":' || to_json(NEW."model_id")::text || ',"width":' || NEW."width"::text || ',"height":' || NEW."height"::text || ',"fileSize":' || NEW."file_size"::text || ',"format":' || to_json(NEW."format")::text || ',"mediaType":' || to_json(NEW."media_type")::text || ',"durationSeconds":' || coalesce(NEW."duration_seconds"::text, 'null') || ',"thumbhash":' || coalesce(to_json(NEW."thumbhash")::text, 'null') || ',"isFavorite":' || NEW."is_favorite"::text || ',"rating":' || coalesce(NEW."rating"::text, 'null') || ',"tags":' || array_to_json(NEW."tags")::text || ',"parentImageId":' || coalesce('"' || NEW."parent_image_id"::text || '"', 'null') || ',"operation":' || to_json(NEW."operation")::text || ',"createdAt":' || '"' || to_char(NEW."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"' || ',"deletedAt":' || coalesce('"' || to_char(NEW."deleted_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"', 'null') || ',"version":' || NEW."version"::text || '}' END;
  RETURN NEW;
END
$tile$;
--> statement-breakpoint
CREATE TRIGGER "images_tile_json" BEFORE INSERT OR UPDATE ON "images" FOR EACH ROW EXECUTE FUNCTION "images_tile_json"();
--> statement-breakpoint
UPDATE "images" SET "tile_json" = NULL;
