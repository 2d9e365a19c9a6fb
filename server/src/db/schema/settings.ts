import { boolean, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, syncVersion, updatedAt } from "./_helpers";
import { users } from "./auth";

export const userSettings = pgTable("user_settings", {
  id: id(),
  userId: uuid("user_id")
    .notNull()
    .unique()
    .references(() => users.id, { onDelete: "cascade" }),
  defaultModelId: text("default_model_id"),
  defaultParameters: jsonb("default_parameters").$type<Record<string, unknown>>().notNull().default({}),
  theme: text("theme").notNull().default("auto"),
  galleryViewMode: text("gallery_view_mode").notNull().default("grid"),
  notificationsEnabled: boolean("notifications_enabled").notNull().default(true),
  settings: jsonb("settings").$type<Record<string, unknown>>().notNull().default({}),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  version: syncVersion(),
});
