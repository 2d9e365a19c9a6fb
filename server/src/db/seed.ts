import { sql } from "drizzle-orm";
import { CATALOG } from "@image-studio/shared";
import type { Db } from "./client";
import { models } from "./schema";

/** Loads the model catalog (shared/src/catalog.ts) into the models table. Idempotent; keeps admins' toggles. */
export async function seedDatabase(db: Db): Promise<{ models: number }> {
  const rows = CATALOG.map((m, i) => ({
    falModelId: m.id,
    name: m.id.split("/").slice(1).join("/") || m.id,
    displayName: m.displayName,
    description: m.description,
    category: m.category,
    provider: m.provider,
    version: m.version,
    capabilities: { operations: m.operations },
    defaultParameters: Object.fromEntries(m.params.filter((p) => p.default !== undefined).map((p) => [p.key, p.default])),
    spec: m as unknown as Record<string, unknown>,
    costPerGeneration: m.pricing.credits,
    speed: m.speed,
    quality: m.quality,
    docsUrl: m.docsUrl ?? null,
    isFeatured: m.featured ?? false,
    sortOrder: i,
  }));
  await db
    .insert(models)
    .values(rows)
    .onConflictDoUpdate({
      target: models.falModelId,
      set: {
        name: sql`excluded.name`,
        displayName: sql`excluded.display_name`,
        description: sql`excluded.description`,
        category: sql`excluded.category`,
        provider: sql`excluded.provider`,
        version: sql`excluded.version`,
        capabilities: sql`excluded.capabilities`,
        defaultParameters: sql`excluded.default_parameters`,
        spec: sql`excluded.spec`,
        costPerGeneration: sql`excluded.cost_per_generation`,
        speed: sql`excluded.speed`,
        quality: sql`excluded.quality`,
        docsUrl: sql`excluded.docs_url`,
        isFeatured: sql`excluded.is_featured`,
        sortOrder: sql`excluded.sort_order`,
        updatedAt: sql`now()`,
      },
    });
  return { models: rows.length };
}
