import { type CatalogModel, findModel } from "@image-studio/shared";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { models } from "../../db/schema";
import type { ProviderRegistry } from "../../providers/registry";

export interface CatalogEntry extends CatalogModel {
  isActive: boolean;
  available: boolean;
  unavailableReason?: string;
}

/**
 * The model catalog as the app serves it: the seeded spec, the admin's on/off switch from the database,
 * and whether an engine can run it right now. Cached in memory; toggles invalidate the cache.
 */
export class ModelCatalog {
  private cache?: { at: number; entries: CatalogEntry[] };

  constructor(
    private readonly db: Db,
    private readonly providers: ProviderRegistry,
    private readonly ttlMs = 60_000,
  ) {}

  async list(): Promise<CatalogEntry[]> {
    if (this.cache && Date.now() - this.cache.at < this.ttlMs) return this.cache.entries;
    const rows = await this.db.select({ id: models.falModelId, isActive: models.isActive, sortOrder: models.sortOrder }).from(models);
    const active = new Map(rows.map((r) => [r.id, r]));
    const entries: CatalogEntry[] = [];
    for (const row of [...rows].sort((a, b) => a.sortOrder - b.sortOrder)) {
      const spec = findModel(row.id);
      if (!spec) continue;
      const availability = this.providers.availability(spec.id);
      entries.push({
        ...spec,
        isActive: active.get(spec.id)?.isActive ?? true,
        available: availability.available,
        ...(availability.available ? {} : { unavailableReason: availability.reason }),
      });
    }
    this.cache = { at: Date.now(), entries };
    return entries;
  }

  async get(id: string): Promise<CatalogEntry | undefined> {
    return (await this.list()).find((m) => m.id === id);
  }

  invalidate() {
    this.cache = undefined;
  }

  async setActive(id: string, isActive: boolean): Promise<CatalogEntry | undefined> {
    const [row] = await this.db.update(models).set({ isActive }).where(eq(models.falModelId, id)).returning({ id: models.falModelId });
    this.invalidate();
    return row ? this.get(id) : undefined;
  }
}
