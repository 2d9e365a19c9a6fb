import { verifyPassword } from "better-auth/crypto";
import { msg } from "../../i18n/api";
import { eq, getTableColumns, getTableName, inArray, is } from "drizzle-orm";
import { PgTable, type PgColumn } from "drizzle-orm/pg-core";
import type { Ctx } from "../../context";
import * as schema from "../../db/schema";
import { AppError, unauthorized } from "../../lib/errors";
import { userPrefix } from "../../storage/keys";
import { listAll } from "../../storage/types";
import * as repo from "./account.repo";

/** Tables left out of a data export: credentials, secrets and internal bookkeeping. */
const SKIP_TABLES = new Set([
  "two_factors",
  "verifications",
  "rate_limits",
  "dev_mail",
  "app_meta",
  "processed_mutations",
  "tombstones",
]);
/** Columns never exported, whatever table they are in. */
const SECRET_COLUMNS = new Set([
  "token",
  "password",
  "passwordHash",
  "accessToken",
  "refreshToken",
  "idToken",
  "secret",
  "backupCodes",
]);
/** A re-authentication by fresh sign-in (for accounts without a password) must be this recent. */
export const FRESH_SESSION_MS = 15 * 60 * 1000;

function ownerColumn(table: PgTable): PgColumn | undefined {
  const cols = getTableColumns(table) as Record<string, PgColumn>;
  return cols.userId ?? cols.createdBy;
}

function redact(row: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(row).filter(([k]) => !SECRET_COLUMNS.has(k)));
}

/**
 * Everything the user owns as JSON: their user row and the rows of every table with a user_id/created_by
 * column (found from the schema, so new tables are included automatically), plus the stored object list.
 */
export async function exportData(ctx: Ctx) {
  const userId = ctx.user.id;
  const tables: Record<string, unknown[]> = {};
  for (const value of Object.values(schema)) {
    if (!is(value, PgTable)) continue;
    const name = getTableName(value);
    if (SKIP_TABLES.has(name)) continue;
    if (value === schema.users) {
      tables[name] = (await ctx.db.select().from(schema.users).where(eq(schema.users.id, userId))).map(redact);
      continue;
    }
    const owner = ownerColumn(value);
    if (!owner) continue;
    const rows = (await ctx.db.select().from(value).where(eq(owner, userId))) as Record<string, unknown>[];
    tables[name] = rows.map(redact);
  }
  const collectionIds = ((tables[getTableName(schema.collections)] ?? []) as { id: string }[]).map((c) => c.id);
  tables[getTableName(schema.collectionImages)] = collectionIds.length
    ? await ctx.db
        .select()
        .from(schema.collectionImages)
        .where(inArray(schema.collectionImages.collectionId, collectionIds))
    : [];
  const objects = await listAll(ctx.deps.storage, userPrefix(userId));
  return {
    format: "image-studio-export/v1",
    exportedAt: ctx.now.toISOString(),
    userId,
    tables,
    storage: { note: "Image files are listed here; download them from the gallery or as a project ZIP.", objects },
  };
}

/**
 * Re-authenticates (password, or a sign-in within the last 15 minutes for accounts without one), deletes
 * every stored object under users/<id>/, then the user row — every owned row goes with it by cascade.
 */
export async function deleteAccount(
  ctx: Ctx,
  input: { password?: string; sessionCreatedAt: Date },
): Promise<{ email: string; name: string; language: string }> {
  const user = await repo.findUser(ctx.db, ctx.user.id);
  if (!user) throw unauthorized();
  const hash = await repo.passwordHash(ctx.db, user.id);
  if (hash) {
    if (!input.password) {
      throw new AppError("VALIDATION_FAILED", msg("account.enterPassword"), {
        issues: [{ path: ["password"], message: msg("account.enterPassword") }],
      });
    }
    if (!(await verifyPassword({ hash, password: input.password }))) {
      throw new AppError("BAD_REQUEST", msg("authProvider.INVALID_PASSWORD"), { reason: "INVALID_PASSWORD" });
    }
  } else if (ctx.now.getTime() - input.sessionCreatedAt.getTime() > FRESH_SESSION_MS) {
    throw new AppError("FORBIDDEN", msg("account.reauthToDelete"), {
      reason: "REAUTH_REQUIRED",
    });
  }
  await ctx.deps.storage.deleteByPrefix(userPrefix(user.id));
  await repo.deleteUser(ctx.db, user.id);
  ctx.log.info("account deleted", { userId: user.id });
  return { email: user.email, name: user.name, language: user.language };
}
