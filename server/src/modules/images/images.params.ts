import { IMAGE_VARIANTS } from "@image-studio/shared";
import { z } from "zod";

/** `:id` only matches UUID-shaped segments, so /trash, /duplicates, /bulk-* never collide with it. */
export const ID = ":id{[0-9a-fA-F-]{36}}";
export const idParam = z.object({ id: z.uuid("Image ids are UUIDs").transform((s) => s.toLowerCase()) });
export const fileParam = idParam.extend({ variant: z.enum(IMAGE_VARIANTS) });
