import type { ImageList } from "@image-studio/shared";
import type { Ctx } from "../../context";
import * as images from "../images/images.service";

/**
 * Image search: every word must appear in the prompt, the negative prompt, the model id or a tag
 * (case-insensitive, substring). Newest first, keyset-paginated like the gallery.
 */
export async function searchImages(ctx: Ctx, q: { q: string; cursor?: string; limit: number }): Promise<ImageList> {
  return images.list(ctx, { q: q.q, cursor: q.cursor, limit: q.limit, sort: "date", order: "desc" });
}
