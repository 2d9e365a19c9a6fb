import { boolean, integer, jsonb, pgTable, real, text } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./_helpers";

/** The model catalog, seeded from shared/src/catalog.ts; admins toggle `is_active`. */
export const models = pgTable("models", {
  id: id(),
  falModelId: text("fal_model_id").notNull().unique(),
  name: text("name").notNull(),
  displayName: text("display_name").notNull(),
  description: text("description").notNull().default(""),
  category: text("category").notNull(),
  provider: text("provider").notNull(),
  version: text("version"),
  capabilities: jsonb("capabilities").$type<Record<string, unknown>>().notNull().default({}),
  defaultParameters: jsonb("default_parameters").$type<Record<string, unknown>>().notNull().default({}),
  /** The full catalog entry (parameter schema, pricing, endpoints) as seeded. */
  spec: jsonb("spec").$type<Record<string, unknown>>().notNull().default({}),
  costPerGeneration: real("cost_per_generation").notNull().default(0),
  speed: integer("speed").notNull().default(3),
  quality: integer("quality").notNull().default(3),
  docsUrl: text("docs_url"),
  isActive: boolean("is_active").notNull().default(true),
  isFeatured: boolean("is_featured").notNull().default(false),
  sortOrder: integer("sort_order").notNull().default(0),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
