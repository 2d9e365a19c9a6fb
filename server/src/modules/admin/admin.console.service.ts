import type { AdminJob, AdminJobsPage, AuditLogPage } from "@image-studio/shared";
import { msg } from "../../i18n/api";
import type { Ctx, SessionUser } from "../../context";
import { AppError, notFound } from "../../lib/errors";
import { audit } from "../audit/audit";
import * as generation from "../generation/generation.service";
import * as consoleRepo from "./admin.console.repo";
import { findUser } from "./admin.repo";

/** The admin console's figures, audit log and the job queue across users. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function checkCursor(cursor?: string) {
  if (cursor && !UUID.test(cursor)) throw new AppError("BAD_REQUEST", msg("request.pageLinkInvalid"));
}

export async function usageOverview(ctx: Ctx, days: number) {
  return consoleRepo.usageOverview(ctx.db, days);
}

export async function auditLog(ctx: Ctx, q: { cursor?: string; limit: number; action?: string; targetType?: string; targetId?: string }): Promise<AuditLogPage> {
  checkCursor(q.cursor);
  const rows = await consoleRepo.auditPage(ctx.db, q);
  const page = rows.slice(0, q.limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      actorId: r.actorId,
      actorEmail: r.actorEmail,
      action: r.action,
      targetType: r.targetType,
      targetId: r.targetId,
      details: r.details,
      createdAt: r.createdAt.toISOString(),
    })),
    nextCursor: rows.length > q.limit ? page.at(-1)!.id : null,
  };
}

export async function jobs(ctx: Ctx, q: Parameters<typeof consoleRepo.jobsPage>[1]): Promise<AdminJobsPage> {
  checkCursor(q.cursor);
  const rows = await consoleRepo.jobsPage(ctx.db, q);
  const page = rows.slice(0, q.limit);
  const items: AdminJob[] = await Promise.all(page.map(async (r) => ({ ...(await generation.toView(ctx, r.job)), userId: r.job.userId, userEmail: r.email })));
  return { items, nextCursor: rows.length > q.limit ? page.at(-1)!.job.id : null };
}

/** The job's owner as a service caller: the generation service's own rules (and refunds) apply unchanged. */
async function ownerCtx(ctx: Ctx, jobId: string): Promise<Ctx> {
  const [row] = await consoleRepo.jobsPage(ctx.db, { limit: 1, cursor: undefined, status: undefined, modelId: undefined, userId: undefined, q: undefined, jobId });
  if (!row) throw notFound("job");
  const owner = await findUser(ctx.db, row.job.userId);
  if (!owner) throw notFound("job");
  const user: SessionUser = { id: owner.id, email: owner.email, name: owner.name, role: owner.role, isGuest: owner.isAnonymous ?? false };
  return { ...ctx, user };
}

export async function cancelJob(ctx: Ctx, jobId: string) {
  const as = await ownerCtx(ctx, jobId);
  const row = await generation.cancel(as, jobId);
  await audit(ctx, { action: "job.cancel", targetType: "job", targetId: jobId, details: { userId: as.user.id, email: as.user.email, refunded: row.creditsHeld } });
  return generation.toView(ctx, row);
}

/** Runs a failed or cancelled job again for its owner (a new job, a fresh hold on the owner's credits). */
export async function retryJob(ctx: Ctx, jobId: string) {
  const as = await ownerCtx(ctx, jobId);
  const row = await generation.retry(as, jobId);
  await audit(ctx, { action: "job.retry", targetType: "job", targetId: jobId, details: { userId: as.user.id, email: as.user.email, newJobId: row.id } });
  return generation.toView(ctx, row);
}
