import {
  BATCH_LIMITS,
  type BatchItem,
  type BatchPreview,
  type BatchRequestParsed,
  type BatchRowError,
  planBatch,
  vm,
} from "@image-studio/shared";
import type { Ctx } from "../../context";
import { AppError } from "../../lib/errors";
import { balanceOf } from "../credits/credits.repo";
import { estimate, normalise, usableModel } from "../generation/generation.service";
import type { CatalogEntry } from "../models/models.service";
import { etaFor } from "./batch.eta";

/** A batch worked out in full: every job checked and priced exactly as a single generation is. */
export interface PlannedJob {
  item: BatchItem;
  model: CatalogEntry;
  parameters: Record<string, unknown>;
  cost: number;
}

export interface Planned {
  total: number;
  jobs: PlannedJob[];
  credits: number;
  images: number;
  errors: BatchRowError[];
  columns?: string[];
  /** First items as the user wrote them (seed null = random). */
  preview: BatchItem[];
}

const OPERATION = "text-to-image";

export const maxJobs = (ctx: Ctx) => ctx.deps.env.BATCH_MAX_JOBS;

/** The row a job came from (CSV rows are numbered from 1; other sources by item). */
const rowOf = (item: BatchItem & { row?: number }) => item.row ?? item.index + 1;

/**
 * Counts first (a template's product is never expanded past the cap), then checks each job's model and
 * parameters with the single-generation rules, collecting every problem as row + column + message.
 */
export async function planFor(ctx: Ctx, body: BatchRequestParsed): Promise<Planned> {
  const plan = planBatch(body);
  const errors: BatchRowError[] = [...plan.errors];
  const cap = maxJobs(ctx);
  const empty = { total: plan.total, jobs: [], credits: 0, images: 0, columns: plan.columns, preview: [] };
  if (plan.total > cap) {
    const total = Number.isFinite(plan.total) ? plan.total.toLocaleString("en") : "more than 9 quadrillion";
    errors.push({
      row: 0,
      column: "total",
      message: vm("checks.batchRows.tooManyJobs", { total, max: cap }),
    });
    return { ...empty, errors };
  }
  if (errors.some((e) => e.row === 0)) return { ...empty, errors };
  const models = new Map<string, CatalogEntry | AppError>();
  const jobs: PlannedJob[] = [];
  const seen = new Set<string>();
  const report = (e: BatchRowError) => {
    const key = `${e.row}\u0000${e.column}\u0000${e.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    errors.push(e);
  };
  for (let i = 0; i < plan.total; i++) {
    const item = plan.at(i);
    if (!models.has(item.modelId)) {
      models.set(
        item.modelId,
        await usableModel(ctx, item.modelId, OPERATION).catch((err: unknown) => {
          if (err instanceof AppError) return err;
          throw err;
        }),
      );
    }
    const model = models.get(item.modelId)!;
    if (model instanceof AppError) {
      report({ row: rowOf(item), column: "model", message: model.message });
      continue;
    }
    try {
      const parameters = normalise(model, OPERATION, item.parameters);
      jobs.push({ item, model, parameters, cost: estimate(model, OPERATION, parameters) });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const issues =
        (err.details as { issues?: { path: (string | number)[]; message: string }[] } | undefined)?.issues ?? [];
      for (const issue of issues.length ? issues : [{ path: ["parameters"], message: err.message }]) {
        report({ row: rowOf(item), column: String(issue.path.at(-1) ?? "parameters"), message: issue.message });
      }
    }
  }
  errors.sort((a, b) => a.row - b.row);
  return {
    total: plan.total,
    jobs,
    credits: jobs.reduce((s, j) => s + j.cost, 0),
    images: jobs.reduce((s, j) => s + Math.max(1, Number(j.parameters.numImages ?? 1)), 0),
    errors,
    columns: plan.columns,
    preview: Array.from({ length: Math.min(plan.total, BATCH_LIMITS.previewItems) }, (_, i) => plan.at(i)),
  };
}

/** POST /batch/preview: the counts, the credits, the first items and every problem — nothing runs. */
export async function preview(ctx: Ctx, body: BatchRequestParsed): Promise<BatchPreview> {
  const planned = await planFor(ctx, body);
  const balance = await balanceOf(ctx.db, ctx.user.id);
  const perModel = new Map<string, number>();
  for (const j of planned.jobs) perModel.set(j.model.id, (perModel.get(j.model.id) ?? 0) + 1);
  return {
    total: Number.isFinite(planned.total) ? planned.total : Number.MAX_SAFE_INTEGER,
    images: planned.images,
    estimatedCredits: planned.credits,
    balance,
    affordable: balance >= planned.credits,
    maxJobs: maxJobs(ctx),
    etaSeconds: planned.jobs.length ? await etaFor(ctx.deps, perModel) : null,
    ...(planned.columns ? { columns: planned.columns } : {}),
    items: planned.preview.map(({ index, prompt, negativePrompt, seed, modelId, parameters }) => ({
      index,
      prompt,
      negativePrompt,
      seed,
      modelId,
      parameters,
    })),
    errors: planned.errors.slice(0, 200),
  };
}
