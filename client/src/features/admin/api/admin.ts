import type { AdminJobsPage, AdminStats, AdminUser, AdminUserUsage, Announcement, AuditLogPage, CreateAnnouncement, Job, UsageOverview } from "@image-studio/shared";
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { call, rpc } from "@/lib/rpc";
import type { ModelEntry } from "@/lib/models";

/** The admin console's reads and writes (every one an /api/admin call; the server checks the role). */

export const adminKeys = {
  all: ["admin"] as const,
  stats: () => ["admin", "stats"] as const,
  overview: (days: number) => ["admin", "overview", days] as const,
  users: (q: string, status: string, page: number) => ["admin", "users", q, status, page] as const,
  user: (id: string) => ["admin", "user", id] as const,
  usage: (id: string) => ["admin", "usage", id] as const,
  jobs: (f: JobFilter) => ["admin", "jobs", f] as const,
  models: () => ["admin", "models"] as const,
  announcements: () => ["admin", "announcements"] as const,
  audit: (f: AuditFilter) => ["admin", "audit", f] as const,
};

/** Query values as the server's query schemas take them: strings, empty ones left out. */
const qs = <T extends Record<string, string | number | undefined>>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => [k, String(v)])) as Record<string, string>;

export const statsOptions = queryOptions({ queryKey: adminKeys.stats(), queryFn: (): Promise<AdminStats> => call(rpc.adminUsers.stats.$get()) });
export const overviewOptions = (days: number) => queryOptions({ queryKey: adminKeys.overview(days), queryFn: (): Promise<UsageOverview> => call(rpc.admin["usage-overview"].$get({ query: { days: String(days) } })) });

export interface UsersPage {
  items: AdminUser[];
  total: number;
  page: number;
  pageSize: number;
}
export const usersOptions = (q: string, status: string, page: number) =>
  queryOptions({ queryKey: adminKeys.users(q, status, page), queryFn: (): Promise<UsersPage> => call(rpc.adminUsers.users.$get({ query: qs({ q, status, page, pageSize: 20 }) })) });
export const userUsageOptions = (id: string) => queryOptions({ queryKey: adminKeys.usage(id), queryFn: (): Promise<AdminUserUsage> => call(rpc.admin.users[":id"].usage.$get({ param: { id } })) });

export interface JobFilter {
  status?: string;
  modelId?: string;
  q?: string;
}
export const jobsOptions = (f: JobFilter) =>
  infiniteQueryOptions({
    queryKey: adminKeys.jobs(f),
    queryFn: ({ pageParam }): Promise<AdminJobsPage> => call(rpc.admin.jobs.$get({ query: qs({ ...f, cursor: pageParam, limit: 25 }) })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (p) => p.nextCursor ?? undefined,
  });

export const adminModelsOptions = queryOptions({ queryKey: adminKeys.models(), queryFn: async (): Promise<ModelEntry[]> => (await call(rpc.adminModels.index.$get())).items });
export const adminAnnouncementsOptions = queryOptions({ queryKey: adminKeys.announcements(), queryFn: async (): Promise<Announcement[]> => (await call(rpc.adminAnnouncements.index.$get({ query: { limit: "50" } }))).items });

export interface AuditFilter {
  action?: string;
  targetType?: string;
  targetId?: string;
}
export const auditOptions = (f: AuditFilter) =>
  infiniteQueryOptions({
    queryKey: adminKeys.audit(f),
    queryFn: ({ pageParam }): Promise<AuditLogPage> => call(rpc.admin["audit-log"].$get({ query: qs({ ...f, cursor: pageParam, limit: 25 }) })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (p) => p.nextCursor ?? undefined,
  });

export const grantCredits = (id: string, amount: number, note: string): Promise<{ balance: number }> => call(rpc.adminUsers.users[":id"].credits.$post({ param: { id }, json: { amount, note } }));
export const suspendUser = (id: string, reason: string): Promise<AdminUser> => call(rpc.adminUsers.users[":id"].ban.$post({ param: { id }, json: reason ? { reason } : {} }));
export const unsuspendUser = (id: string): Promise<AdminUser> => call(rpc.adminUsers.users[":id"].unban.$post({ param: { id } }));
export const deleteUser = (id: string): Promise<{ deleted: boolean }> => call(rpc.admin.users[":id"].$delete({ param: { id } }));
export const setRole = (id: string, role: "user" | "admin"): Promise<AdminUser> => call(rpc.adminUsers.users[":id"].$patch({ param: { id }, json: { role } }));
export const cancelJob = (id: string): Promise<Job> => call(rpc.admin.jobs[":id"].cancel.$post({ param: { id } }));
export const retryJob = (id: string): Promise<Job> => call(rpc.admin.jobs[":id"].retry.$post({ param: { id } }));
export const toggleModel = (id: string, isActive: boolean): Promise<ModelEntry> => call(rpc.adminModels[":id{.+}"].toggle.$put({ param: { id }, json: { isActive } }));
export const postAnnouncement = (a: CreateAnnouncement): Promise<Announcement> => call(rpc.adminAnnouncements.index.$post({ json: a }));
export const deleteAnnouncement = (id: string): Promise<{ deleted: boolean }> => call(rpc.adminAnnouncements[":id"].$delete({ param: { id } }));
