import { type ErrorCode, type SyncMutationResult, syncMutationSchema, type SyncPush } from "@image-studio/shared";
import { ZodError } from "zod";
import type { Ctx } from "../../context";
import { AppError } from "../../lib/errors";
import { zodIssues } from "../../middleware/error-handler";
import { applyMutation, type Mutation } from "./sync.apply";
import * as repo from "./sync.push.repo";

/**
 * POST /api/sync/push: each mutation is validated on its own and applied in its own transaction, together with
 * the record of its result under the client-minted id. A replayed id answers the recorded result and changes
 * nothing; a refused one does not stop the others. Results come back in request order.
 */

/** Thrown inside a mutation's transaction when its id turns out to be processed already (rolls back). */
class Replayed extends Error {}

const rawId = (raw: unknown) => (typeof raw === "object" && raw !== null && typeof (raw as { id?: unknown }).id === "string" ? (raw as { id: string }).id : "");

/** CONFLICT is a lost race ("conflict"); any other refusal is final. Someone else's id on a create is NOT_FOUND. */
const refused = (id: string, code: ErrorCode, message: string): SyncMutationResult => ({
  id,
  status: code === "CONFLICT" ? "conflict" : "rejected",
  error: { code, message },
});

function zodMessage(err: ZodError): string {
  const first = zodIssues(err)[0];
  return first ? `${first.path.join(".") || "mutation"}: ${first.message}` : "Invalid mutation";
}

async function applyInTransaction(ctx: Ctx, m: Mutation): Promise<SyncMutationResult> {
  return ctx.db.transaction(async (tx) => {
    const pending: SyncMutationResult = { id: m.id, status: "rejected", error: { code: "INTERNAL", message: "Still being applied" } };
    if (!(await repo.claim(tx, ctx.user.id, m.id, pending))) throw new Replayed();
    const outcome = await applyMutation({ ...ctx, db: tx }, m);
    const result: SyncMutationResult = { id: m.id, status: "applied", ...outcome };
    await repo.saveResult(tx, ctx.user.id, m.id, result);
    return result;
  });
}

/** A refusal is recorded too (outside the rolled-back transaction), so a replay answers the same. */
async function recordRefusal(ctx: Ctx, result: SyncMutationResult): Promise<SyncMutationResult> {
  if (await repo.claim(ctx.db, ctx.user.id, result.id, result)) return result;
  return (await repo.findResult(ctx.db, ctx.user.id, result.id)) ?? result;
}

export async function pushOne(ctx: Ctx, raw: unknown): Promise<SyncMutationResult> {
  const parsed = syncMutationSchema.safeParse(raw);
  if (!parsed.success) return refused(rawId(raw), "VALIDATION_FAILED", zodMessage(parsed.error));
  const m = parsed.data;
  const done = await repo.findResult(ctx.db, ctx.user.id, m.id);
  if (done) return done;
  // Warm the model catalog outside the transaction (it reads with its own connection; PGlite has only one).
  if (m.type === "generation.enqueue" || m.type === "batch.enqueue") await ctx.deps.catalog.list();
  try {
    const result = await applyInTransaction(ctx, m);
    if (m.type === "generation.enqueue" || m.type === "batch.enqueue") ctx.deps.events.wakeWorkers(); // now that the job is committed
    return result;
  } catch (err) {
    if (err instanceof Replayed) return (await repo.findResult(ctx.db, ctx.user.id, m.id)) ?? refused(m.id, "CONFLICT", "This change is being applied by another request");
    if (err instanceof AppError) return recordRefusal(ctx, refused(m.id, err.code, err.message));
    if (err instanceof ZodError) return recordRefusal(ctx, refused(m.id, "VALIDATION_FAILED", zodMessage(err)));
    // Unexpected (a bug, the database going away): not recorded, so a later replay can still succeed.
    ctx.log.error("sync mutation failed", { mutationId: m.id, type: m.type, err });
    return refused(m.id, "INTERNAL", "Something went wrong applying this change; it will be retried");
  }
}

export async function push(ctx: Ctx, mutations: unknown[]): Promise<SyncPush> {
  const results: SyncMutationResult[] = [];
  for (const raw of mutations) results.push(await pushOne(ctx, raw));
  return { results };
}
