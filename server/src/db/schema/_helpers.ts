import { sql } from "drizzle-orm";
import { bigint, pgSequence, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * One sequence orders every change a user can sync. Each write of a synced row takes the next value,
 * so `GET /api/sync/pull?cursor=N` is "rows with version > N" — no client clocks involved.
 */
export const syncVersionSeq = pgSequence("sync_version_seq", { startWith: 1, increment: 1 });

export const id = () => uuid("id").primaryKey().defaultRandom();
export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());
export const syncVersion = () =>
  bigint("version", { mode: "number" })
    .notNull()
    .default(sql`nextval('sync_version_seq')`);
/** Use in `.set({ version: nextVersion })` on every update of a synced row. */
export const nextVersion = sql`nextval('sync_version_seq')`;
