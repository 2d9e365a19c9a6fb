import { index, pgTable, primaryKey, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./_helpers";
import { users } from "./auth";
import { images } from "./images";

/** A signed-in user's favourite of a published image (someone else's or their own): one row per pair. */
export const communityFavorites = pgTable(
  "community_favorites",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    imageId: uuid("image_id")
      .notNull()
      .references(() => images.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.imageId] }), index("community_favorites_image_idx").on(t.imageId)],
);
export type CommunityFavoriteRow = typeof communityFavorites.$inferSelect;
