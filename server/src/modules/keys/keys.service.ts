import { createHash, randomBytes } from "node:crypto";
import { msg } from "../../i18n/api";
import {
  API_KEY_PREFIX,
  type ApiKey,
  type ApiKeyCreated,
  type ApiKeyScope,
  type apiKeyCreateSchema,
} from "@image-studio/shared";
import type { z } from "zod";
import type { Ctx } from "../../context";
import { AppError, notFound } from "../../lib/errors";
import { audit } from "../audit/audit";
import * as repo from "./keys.repo";

/** A user may hold this many keys at once. */
export const MAX_KEYS_PER_USER = 50;
/** Visible characters of the random part kept in `prefix`. */
const PREFIX_CHARS = 6;

/** SHA-256 of the whole key: keys carry 256 random bits, so a fast hash can't be brute-forced. */
export const hashKey = (key: string) => createHash("sha256").update(key, "utf8").digest("hex");

/** A new key: `is_live_` + 43 base64url characters (32 random bytes). */
export function mintKey(): { key: string; prefix: string; keyHash: string } {
  const key = API_KEY_PREFIX + randomBytes(32).toString("base64url");
  return { key, prefix: key.slice(0, API_KEY_PREFIX.length + PREFIX_CHARS), keyHash: hashKey(key) };
}

export function toApiKey(row: repo.ApiKeyRow): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes as ApiKeyScope[],
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    lastUsedIp: row.lastUsedIp ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function list(ctx: Ctx): Promise<ApiKey[]> {
  return (await repo.list(ctx.db, ctx.user.id)).map(toApiKey);
}

export async function create(ctx: Ctx, input: z.output<typeof apiKeyCreateSchema>): Promise<ApiKeyCreated> {
  if (ctx.user.isGuest) throw new AppError("FORBIDDEN", msg("guest.apiKeys"), { reason: "GUEST" });
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt.getTime() <= ctx.now.getTime()) {
    throw new AppError("VALIDATION_FAILED", msg("keys.expiryFuture"), {
      issues: [{ path: ["expiresAt"], message: msg("issue.futureDate") }],
    });
  }
  if ((await repo.count(ctx.db, ctx.user.id)) >= MAX_KEYS_PER_USER) {
    throw new AppError(
      "CONFLICT",
      msg("keys.max", { max: MAX_KEYS_PER_USER }),
    );
  }
  const minted = mintKey();
  const row = await ctx.db.transaction(async (tx) => {
    const inserted = await repo.insert(tx, {
      userId: ctx.user.id,
      name: input.name,
      prefix: minted.prefix,
      keyHash: minted.keyHash,
      scopes: input.scopes,
      expiresAt,
    });
    await audit(
      ctx,
      {
        action: "api_key.create",
        targetType: "api_key",
        targetId: inserted.id,
        details: { name: input.name, scopes: input.scopes },
      },
      tx,
    );
    return inserted;
  });
  return { ...toApiKey(row), key: minted.key };
}

export async function revoke(ctx: Ctx, id: string): Promise<{ ok: true }> {
  await ctx.db.transaction(async (tx) => {
    const row = await repo.remove(tx, ctx.user.id, id);
    if (!row) throw notFound("apiKey");
    await audit(
      ctx,
      {
        action: "api_key.revoke",
        targetType: "api_key",
        targetId: id,
        details: { name: row.name, prefix: row.prefix },
      },
      tx,
    );
  });
  return { ok: true };
}
