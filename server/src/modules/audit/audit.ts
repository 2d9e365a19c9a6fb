import { sql } from "drizzle-orm";
import type { Ctx } from "../../context";
import type { Db } from "../../db/client";
import { auditLog } from "../../db/schema";

export interface AuditEntry {
  /** Dotted verb, e.g. `user.ban`, `credits.grant`, `model.disable`, `code.create`. */
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
}

/**
 * Records a privileged action by `ctx.user`. Pass the transaction that makes the change, so the change and its
 * record commit together (an action that rolled back leaves no entry).
 */
export async function audit(ctx: Ctx, entry: AuditEntry, db: Db = ctx.db): Promise<void> {
  await db.insert(auditLog).values({
    actorId: ctx.user.id,
    actorEmail: ctx.user.email,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    details: entry.details ?? {},
    requestId: ctx.requestId ?? null,
    // The moment of the entry, not of its transaction, and strictly after the newest entry this transaction sees:
    // two entries of one change keep their order even when the clock does not move between them (PGlite's clock
    // is coarse; the list orders by time, then by a random id).
    createdAt: sql`greatest(clock_timestamp(), (select max(${auditLog.createdAt}) from ${auditLog}) + interval '1 microsecond')`,
  });
}
