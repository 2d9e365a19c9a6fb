import { type CostComparison, estimateCredits, type UsageTip } from "@image-studio/shared";
import type { Ctx } from "../../context";
import { catalogFor } from "../../auth/guest";
import type { CatalogEntry } from "../models/models.service";
import { balance, getLimits } from "../credits/credits.service";
import * as repo from "./usage.repo";

const DAY = 86_400_000;
const WINDOW_DAYS = 30;

type Job = Awaited<ReturnType<typeof repo.recentJobs>>[number];

function mostCommon<T>(values: T[], key: (v: T) => string): T | undefined {
  const counts = new Map<string, { v: T; n: number }>();
  for (const v of values) {
    const k = key(v);
    const c = counts.get(k);
    if (c) c.n++;
    else counts.set(k, { v, n: 1 });
  }
  return [...counts.values()].sort((a, b) => b.n - a.n)[0]?.v;
}

/** The caller's typical text-to-image settings: the most used size and image count of the last 30 days. */
function typical(jobs: Job[]) {
  const sizes = jobs.map((j) => ({
    width: Number(j.parameters.width ?? 1024),
    height: Number(j.parameters.height ?? 1024),
  }));
  const size = mostCommon(sizes, (s) => `${s.width}x${s.height}`) ?? { width: 1024, height: 1024 };
  const numImages =
    mostCommon(
      jobs.map((j) => Number(j.parameters.numImages ?? 1)),
      String,
    ) ?? 1;
  return { ...size, numImages, basedOnJobs: jobs.length };
}

const t2iModels = (ctx: Ctx, catalog: CatalogEntry[]) =>
  catalogFor(ctx.user, catalog).filter((m) => m.isActive && m.operations.includes("text-to-image"));
const costOf = (m: CatalogEntry, s: { width: number; height: number; numImages: number }) =>
  estimateCredits(m, { operation: "text-to-image", ...s });

async function recent(ctx: Ctx) {
  const [jobs, catalog] = await Promise.all([
    repo.recentJobs(ctx.db, ctx.user.id, new Date(ctx.now.getTime() - WINDOW_DAYS * DAY)),
    ctx.deps.catalog.list(),
  ]);
  return { jobs: jobs.filter((j) => j.status !== "cancelled"), catalog };
}

/** What one run at the caller's typical settings costs on every model that can make it, cheapest first. */
export async function compare(ctx: Ctx): Promise<CostComparison> {
  const { jobs, catalog } = await recent(ctx);
  const settings = typical(jobs);
  const used = new Set(jobs.map((j) => j.modelId));
  const items = t2iModels(ctx, catalog)
    .map((m) => ({
      modelId: m.id,
      modelName: m.displayName,
      credits: costOf(m, settings),
      speed: m.speed,
      quality: m.quality,
      available: m.available,
      usedByYou: used.has(m.id),
    }))
    .sort((a, b) => a.credits - b.credits || b.quality - a.quality || a.modelName.localeCompare(b.modelName));
  return { settings, items };
}

/**
 * Tips from the caller's own last 30 days, by fixed rules (same data, same tips): a cheaper draft model for the
 * model they use most, smaller drafts when they work large on a per-megapixel model, fewer images per run, a
 * limit when they have none, and how long the balance lasts at their pace.
 */
export async function tips(ctx: Ctx): Promise<{ items: UsageTip[] }> {
  const [{ jobs, catalog }, limits] = await Promise.all([recent(ctx), getLimits(ctx)]);
  const models = t2iModels(ctx, catalog);
  const items: UsageTip[] = [];
  const settings = typical(jobs);
  const top = mostCommon(jobs, (j) => j.modelId);
  const topModel = top && models.find((m) => m.id === top.modelId);
  const topJobs = top ? jobs.filter((j) => j.modelId === top.modelId).length : 0;
  if (topModel && jobs.length >= 5 && topJobs / jobs.length >= 0.5) {
    const topCost = costOf(topModel, settings);
    const cheaper = models
      .filter(
        (m) =>
          m.available &&
          m.id !== topModel.id &&
          m.provider === topModel.provider &&
          m.speed >= topModel.speed &&
          costOf(m, settings) * 2 <= topCost,
      )
      .sort((a, b) => b.quality - a.quality || costOf(a, settings) - costOf(b, settings))[0];
    if (cheaper) {
      const c = costOf(cheaper, settings);
      const share = Math.round((topJobs / jobs.length) * 100);
      const ratio = c > 0 ? Math.round(topCost / c) : null;
      items.push({
        id: "draft-model",
        title: `Draft on ${cheaper.displayName}`,
        body: `${share}% of your generations use ${topModel.displayName} (${topCost} credits a run). ${cheaper.displayName} costs ${ratio ? `1/${ratio} as much` : `${c} credits`} and is at least as fast: use it for drafts, and ${topModel.displayName} for the keepers.`,
        savesPerMonth: Math.round(((topCost - c) * topJobs) / 2),
        link: "/studio",
      });
    }
  }
  const perMp = jobs.filter(
    (j) =>
      models.find((m) => m.id === j.modelId)?.pricing.unit === "megapixel" &&
      Number(j.parameters.width ?? 1024) * Number(j.parameters.height ?? 1024) > 1.5 * 1024 * 1024,
  );
  if (jobs.length >= 5 && perMp.length / jobs.length >= 0.5) {
    const extra = perMp.reduce((sum, j) => {
      const m = models.find((x) => x.id === j.modelId)!;
      const n = Number(j.parameters.numImages ?? 1);
      return sum + Math.max(0, j.creditsHeld - costOf(m, { width: 1024, height: 1024, numImages: n }));
    }, 0);
    items.push({
      id: "draft-size",
      title: "Draft at 1 megapixel, upscale the keeper",
      body: `${perMp.length} of your last ${jobs.length} runs were larger than 1.5 megapixels on models priced per megapixel. Drafting at 1024×1024 and upscaling the image you keep costs less.`,
      savesPerMonth: Math.round(extra / 2) || null,
      link: "/studio",
    });
  }
  if (jobs.length >= 5 && settings.numImages >= 3) {
    items.push({
      id: "fewer-images",
      title: "Ask for fewer images per run",
      body: `You usually ask for ${settings.numImages} images a run. While the prompt is still changing, 1 or 2 show the direction for a fraction of the credits.`,
      savesPerMonth: null,
      link: "/studio",
    });
  }
  const spent = jobs.reduce((s, j) => s + j.creditsHeld, 0);
  if (limits.monthlyLimit === null && limits.spentThisMonth > 0) {
    items.push({
      id: "set-limit",
      title: "Set a monthly limit",
      body: `You have spent ${limits.spentThisMonth} credits this month. A monthly limit stops new jobs before spending runs away, and an alert tells you when your balance runs low.`,
      savesPerMonth: null,
      link: "/usage#limits",
    });
  }
  const stats = await balance(ctx);
  if (spent > 0) {
    const perDay = spent / WINDOW_DAYS;
    const days = Math.floor(stats.balance / perDay);
    if (days < 14)
      items.push({
        id: "balance-runway",
        title:
          days < 1 ? "Your balance runs out today" : `Your balance lasts about ${days} day${days === 1 ? "" : "s"}`,
        body: `At your pace of about ${Math.round(perDay)} credits a day, ${stats.balance} credits will not last long. Redeem a code or top up.`,
        savesPerMonth: null,
        link: "/usage#get-credits",
      });
  }
  if (!jobs.length) {
    const local = models.find((m) => m.provider === "local" && m.available);
    if (local)
      items.push({
        id: "start-local",
        title: `Try ${local.displayName}`,
        body: `Local models run on this server for ${costOf(local, { width: 1024, height: 1024, numImages: 1 })} credit an image: a cheap way to try prompts.`,
        savesPerMonth: null,
        link: "/studio",
      });
  }
  return { items };
}
