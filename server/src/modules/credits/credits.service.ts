import { msg } from "../../i18n/api";
import type {
  CreditHistoryItem,
  CreditHistoryPage,
  CreditHistoryQuery,
  CreditKind,
  CreditLimits,
  CreditLimitsInput,
} from "@image-studio/shared";
import type { Ctx } from "../../context";
import type { Db } from "../../db/client";
import { AppError } from "../../lib/errors";
import { notify } from "../notifications/notify";
import * as repo from "./credits.repo";

/** The first instant of the calendar month (UTC) that `now` falls in, and its `YYYY-MM` name. */
export function monthOf(now: Date): { start: Date; key: string } {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  return { start, key: start.toISOString().slice(0, 7) };
}

export async function balance(ctx: Ctx) {
  return { balance: await repo.balanceOf(ctx.db, ctx.user.id) };
}

const KIND_WORDS: Record<string, string> = {
  grant: "Credits granted",
  hold: "Generation",
  charge: "Generation",
  refund: "Refund",
  adjust: "Adjusted by an administrator",
  redeem: "Code redeemed",
  purchase: "Credits bought",
};

function encodeCursor(c: repo.LedgerCursor): string {
  return Buffer.from(`${c.micros}_${c.id}`).toString("base64url");
}

function decodeCursor(s: string): repo.LedgerCursor {
  const m = /^(\d{1,20})_([0-9a-f-]{36})$/i.exec(Buffer.from(s, "base64url").toString());
  if (!m)
    throw new AppError("VALIDATION_FAILED", msg("request.thatCursorInvalid"), {
      issues: [{ path: ["cursor"], message: msg("issue.invalidCursor") }],
    });
  return { micros: m[1]!, id: m[2]! };
}

type LedgerRow = Awaited<ReturnType<typeof repo.ledgerPage>>[number];

function toItem(r: LedgerRow): CreditHistoryItem {
  return {
    id: r.id,
    amount: r.amount,
    kind: r.kind as CreditKind,
    reason: r.note ? (r.kind === "refund" ? `Refund: ${r.note}` : r.note) : (KIND_WORDS[r.kind] ?? r.kind),
    jobId: r.jobId,
    imageId: r.imageId,
    modelId: r.modelId,
    createdAt: r.createdAt.toISOString(),
    balanceAfter: r.balanceAfter,
  };
}

function filterOf(q: Pick<CreditHistoryQuery, "kind" | "from" | "to">): repo.LedgerFilter {
  const day = (s: string) => new Date(`${s}T00:00:00.000Z`);
  const from = q.from ? day(q.from) : undefined;
  const to = q.to ? new Date(day(q.to).getTime() + 86_400_000) : undefined;
  if (from && to && from >= to)
    throw new AppError("VALIDATION_FAILED", msg("credits.startAfterEnd"), {
      issues: [{ path: ["from"], message: msg("issue.afterEnd") }],
    });
  return { kind: q.kind, from, to };
}

export async function history(ctx: Ctx, q: CreditHistoryQuery): Promise<CreditHistoryPage> {
  const filter = { ...filterOf(q), before: q.cursor ? decodeCursor(q.cursor) : undefined };
  const rows = await repo.ledgerPage(ctx.db, ctx.user.id, filter, q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return { items: page.map(toItem), nextCursor: rows.length > q.limit && last ? encodeCursor(last) : null };
}

/** Every entry matching the filter, newest first, page by page (for the CSV export). */
export async function* allHistory(
  ctx: Ctx,
  q: Pick<CreditHistoryQuery, "kind" | "from" | "to">,
): AsyncGenerator<CreditHistoryItem> {
  const base = filterOf(q);
  let before: repo.LedgerCursor | undefined;
  for (;;) {
    const rows = await repo.ledgerPage(ctx.db, ctx.user.id, { ...base, before }, 500);
    for (const r of rows) yield toItem(r);
    const last = rows.at(-1);
    if (rows.length < 500 || !last) return;
    before = { micros: last.micros, id: last.id };
  }
}

export async function getLimits(ctx: Ctx): Promise<CreditLimits> {
  const [row, spent] = await Promise.all([
    repo.getLimits(ctx.db, ctx.user.id),
    repo.spentSince(ctx.db, ctx.user.id, monthOf(ctx.now).start),
  ]);
  const monthlyLimit = row?.monthlyLimit ?? null;
  return {
    monthlyLimit,
    lowBalanceAlert: row?.lowBalanceAlert ?? null,
    spentThisMonth: spent,
    remainingThisMonth: monthlyLimit === null ? null : Math.max(0, monthlyLimit - spent),
  };
}

export async function setLimits(ctx: Ctx, input: CreditLimitsInput): Promise<CreditLimits> {
  await repo.setLimits(ctx.db, ctx.user.id, input);
  return getLimits(ctx);
}

/**
 * Called where a job's credits are held, in that transaction, before the hold: refuses (403) a job that would
 * take this month's spending past the user's limit, and tells them once a month; tells them when the hold takes
 * the balance below their alert. The limit row is locked, so concurrent jobs cannot pass the limit together.
 * Notifications go out on their own connection and never hold up or fail the job.
 */
export async function assertWithinLimit(ctx: Ctx, cost: number, tx: Db, jobId: string): Promise<void> {
  const limits = await repo.getLimits(tx, ctx.user.id, true);
  if (!limits || cost <= 0) return;
  const month = monthOf(ctx.now);
  if (limits.monthlyLimit !== null) {
    const spent = await repo.spentSince(tx, ctx.user.id, month.start);
    if (spent + cost > limits.monthlyLimit) {
      const left = Math.max(0, limits.monthlyLimit - spent);
      void notify(ctx.deps, {
        userId: ctx.user.id,
        kind: "credits.limit",
        params: { spent, limit: limits.monthlyLimit },
        link: "/usage",
        data: { limit: limits.monthlyLimit, spent, month: month.key },
        dedupeKey: `credits.limit:${month.key}:${limits.monthlyLimit}`,
      });
      throw new AppError(
        "FORBIDDEN",
        msg("credits.monthlyLimit", { count: cost, limit: limits.monthlyLimit, left }),
        { reason: "MONTHLY_LIMIT", limit: limits.monthlyLimit, spent, needed: cost },
      );
    }
  }
  if (limits.lowBalanceAlert !== null) {
    const before = await repo.balanceOf(tx, ctx.user.id);
    const after = before - cost;
    if (before >= limits.lowBalanceAlert && after < limits.lowBalanceAlert && after >= 0) {
      void notify(ctx.deps, {
        userId: ctx.user.id,
        kind: "credits.low",
        params: { balance: after, threshold: limits.lowBalanceAlert },
        link: "/usage",
        data: { balance: after, threshold: limits.lowBalanceAlert },
        dedupeKey: `credits.low:${jobId}`,
      });
    }
  }
}
