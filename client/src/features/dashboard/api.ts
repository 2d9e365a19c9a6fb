import type {
  ActivityItem,
  ImageList,
  ImageSummary,
  ModelStatus,
  Project,
  ProjectList,
  UsageDay,
  UsageStats,
} from "@image-studio/shared";
import { queryOptions } from "@tanstack/react-query";
import { ApiError } from "@/lib/api";
import type { ClientResponse } from "hono/client";
import { call, rpc } from "@/lib/rpc";
import { isOffline } from "@/lib/local-first";

/** Everything the dashboard shows, fetched together and kept on the device for an instant, offline start. */
export interface DashboardData {
  stats: UsageStats;
  daily: UsageDay[];
  recent: ImageSummary[];
  favorites: ImageSummary[];
  projects: Project[];
  activity: ActivityItem[];
  models: DashboardModel[];
}
export interface DashboardSnapshot extends DashboardData {
  /** When these figures came from the server (ISO). */
  savedAt: string;
  /** True when the server could not be reached and these are the device's last known figures. */
  cached: boolean;
}

const storageKey = (userId: string) => `image-studio:dashboard:${userId}`;

export function lastDashboard(userId: string): DashboardSnapshot | null {
  try {
    const raw = localStorage.getItem(storageKey(userId));
    return raw ? { ...(JSON.parse(raw) as DashboardSnapshot), cached: true } : null;
  } catch {
    return null;
  }
}

function remember(userId: string, snap: DashboardSnapshot) {
  try {
    localStorage.setItem(storageKey(userId), JSON.stringify({ ...snap, cached: false }));
  } catch {
    /* storage full or blocked: the dashboard still works online */
  }
}

/** A model's state as the dashboard lists it: its name, and "disabled" for anything that can't run here now. */
export interface DashboardModel {
  modelId: string;
  modelName: string;
  status: "available" | "degraded" | "disabled";
  reason: string | null;
  recentJobs: number;
  recentFailures: number;
}

export function dashboardModels(statuses: ModelStatus[], catalog: { id: string; displayName: string }[]): DashboardModel[] {
  const names = new Map(catalog.map((m) => [m.id, m.displayName]));
  return statuses.map((s) => ({
    modelId: s.modelId,
    modelName: names.get(s.modelId) ?? s.modelId,
    status: s.status === "unavailable" ? "disabled" : s.status,
    reason: s.reason ?? null,
    recentJobs: s.recent.finished,
    recentFailures: s.recent.failed,
  }));
}

/** A typed call read as the shared contract the dashboard expects (a drifted response fails typecheck here). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- status and format are irrelevant to the body
const read = <T>(res: Promise<ClientResponse<T, any, any>>): Promise<T> => call(res);

async function fetchDashboard(): Promise<DashboardData> {
  const [stats, daily, recent, favorites, projects, activity, models, catalog] = await Promise.all([
    read<UsageStats>(rpc.usage.stats.$get()),
    read<{ items: UsageDay[] }>(rpc.usage.daily.$get({ query: { days: "30" } })),
    read<ImageList>(rpc.images.index.$get({ query: { limit: "12", sort: "date", order: "desc" } })),
    read<ImageList>(rpc.images.index.$get({ query: { limit: "8", favorite: "true", sort: "date", order: "desc" } })),
    read<ProjectList>(rpc.projects.index.$get({ query: { archived: "false" } })),
    read<{ items: ActivityItem[] }>(rpc.activity.index.$get({ query: { limit: "12" } })),
    read<{ items: ModelStatus[] }>(rpc.models.status.$get()),
    read<{ items: { id: string; displayName: string }[] }>(rpc.models.index.$get()),
  ]);
  return {
    stats,
    daily: daily.items,
    recent: recent.items,
    favorites: favorites.items,
    projects: [...projects.items].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).slice(0, 4),
    activity: activity.items,
    models: dashboardModels(models.items, catalog.items),
  };
}

export const dashboardKeys = { all: ["dashboard"] as const };

/**
 * The dashboard's figures: from the server when it answers (and then kept on the device), else the device's
 * last copy marked `cached` — offline at once, and when the server cannot be reached.
 */
export const dashboardQuery = (userId: string) =>
  queryOptions({
    queryKey: [...dashboardKeys.all, userId],
    queryFn: async (): Promise<DashboardSnapshot> => {
      const local = () => lastDashboard(userId);
      if (isOffline()) {
        const l = local();
        if (l) return l;
      }
      try {
        const snap: DashboardSnapshot = {
          ...(await fetchDashboard()),
          savedAt: new Date().toISOString(),
          cached: false,
        };
        remember(userId, snap);
        return snap;
      } catch (err) {
        const l = err instanceof ApiError && err.code === "NETWORK" ? local() : null;
        if (l) return l;
        throw err;
      }
    },
    staleTime: 30_000,
  });
