import type {
  UsageByModel,
  UsageByProject,
  UsageDay,
  UsageMonth,
  UsageStats,
} from "@image-studio/shared";
import type { Ctx } from "../../context";
import { balance } from "../credits/credits.service";
import * as storage from "./storage-usage.repo";
import * as repo from "./usage.repo";

const DAY = 86_400_000;

const monthStart = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
const dayStart = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

export async function stats(ctx: Ctx): Promise<UsageStats> {
  const month = monthStart(ctx.now);
  const [library, spent, spentMonth, imagesMonth, bytes, wallet] = await Promise.all([
    repo.libraryCounts(ctx.db, ctx.user.id),
    repo.spentSince(ctx.db, ctx.user.id),
    repo.spentSince(ctx.db, ctx.user.id, month),
    repo.imagesMadeSince(ctx.db, ctx.user.id, month),
    storage.usedBytes(ctx.db, ctx.user.id),
    balance(ctx),
  ]);
  return {
    images: library.images,
    imagesThisMonth: imagesMonth,
    creditsSpent: spent,
    creditsSpentThisMonth: spentMonth,
    projects: library.projects,
    storageBytes: bytes,
    balance: wallet.balance,
  };
}

/** The last `days` UTC days, oldest first, today included; days without use are zeros. */
export async function daily(ctx: Ctx, days: number): Promise<{ items: UsageDay[] }> {
  const first = new Date(dayStart(ctx.now).getTime() - (days - 1) * DAY);
  const [credits, made] = await Promise.all([
    repo.creditsByBucket(ctx.db, ctx.user.id, "day", first),
    repo.imagesByBucket(ctx.db, ctx.user.id, "day", first),
  ]);
  const c = new Map(credits.map((r) => [r.key, r.credits]));
  const i = new Map(made.map((r) => [r.key, r.images]));
  const items = Array.from({ length: days }, (_, k) => {
    const date = new Date(first.getTime() + k * DAY).toISOString().slice(0, 10);
    return { date, images: i.get(date) ?? 0, credits: c.get(date) ?? 0 };
  });
  return { items };
}

/** The last `months` UTC calendar months, oldest first, this month included. */
export async function monthly(ctx: Ctx, months: number): Promise<{ items: UsageMonth[] }> {
  const now = monthStart(ctx.now);
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1), 1));
  const [credits, made] = await Promise.all([
    repo.creditsByBucket(ctx.db, ctx.user.id, "month", first),
    repo.imagesByBucket(ctx.db, ctx.user.id, "month", first),
  ]);
  const c = new Map(credits.map((r) => [r.key, r.credits]));
  const i = new Map(made.map((r) => [r.key, r.images]));
  const items = Array.from({ length: months }, (_, k) => {
    const month = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + k, 1)).toISOString().slice(0, 7);
    return { month, images: i.get(month) ?? 0, credits: c.get(month) ?? 0 };
  });
  return { items };
}

/** "" stands for credits whose job no longer exists (the ledger keeps them; the breakdown must add up). */
export async function byModel(ctx: Ctx): Promise<{ items: UsageByModel[] }> {
  const [credits, made, catalog] = await Promise.all([
    repo.creditsByModel(ctx.db, ctx.user.id),
    repo.imagesByModel(ctx.db, ctx.user.id),
    ctx.deps.catalog.list(),
  ]);
  const rows = new Map<string, UsageByModel>();
  const row = (id: string | null) => {
    const key = id ?? "";
    let r = rows.get(key);
    if (!r)
      rows.set(
        key,
        (r = {
          modelId: key,
          modelName: key ? (catalog.find((m) => m.id === key)?.displayName ?? key) : "Other (job removed)",
          images: 0,
          credits: 0,
        }),
      );
    return r;
  };
  for (const c of credits) row(c.modelId).credits += c.credits;
  for (const m of made) row(m.modelId).images += m.images;
  return {
    items: [...rows.values()]
      .filter((r) => r.credits || r.images)
      .sort((a, b) => b.credits - a.credits || b.images - a.images),
  };
}

export async function byProject(ctx: Ctx): Promise<{ items: UsageByProject[] }> {
  const [credits, made] = await Promise.all([
    repo.creditsByProject(ctx.db, ctx.user.id),
    repo.imagesByProject(ctx.db, ctx.user.id),
  ]);
  const rows = new Map<string, UsageByProject>();
  const row = (id: string | null) => {
    const key = id ?? "";
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { projectId: id, projectName: null, images: 0, credits: 0 }));
    return r;
  };
  for (const c of credits) row(c.projectId).credits += c.credits;
  for (const m of made) row(m.projectId).images += m.images;
  const names = new Map(
    (await repo.projectNames(ctx.db, ctx.user.id, [...rows.keys()].filter(Boolean))).map((p) => [p.id, p.name]),
  );
  const items = [...rows.values()]
    .filter((r) => r.credits || r.images)
    .map((r) => ({ ...r, projectName: r.projectId ? (names.get(r.projectId) ?? null) : null }))
    .sort((a, b) => b.credits - a.credits || b.images - a.images);
  return { items };
}

