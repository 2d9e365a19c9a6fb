import { z } from "zod";
import { JOB_STATUS, type Job } from "./generation";
import { vm } from "./validation-messages";

/** Admin console contracts: usage overview, audit log, job queue across users, model announcements. */

export const usageOverviewQuerySchema = z.object({
  /** The window the figures cover, in days back from now. */
  days: z.coerce.number().int().min(1).max(365).default(30),
});

export interface UsageOverview {
  days: number;
  images: { total: number; inWindow: number };
  credits: { spentInWindow: number; grantedInWindow: number; outstanding: number };
  activeUsers: { last24Hours: number; inWindow: number };
  jobsByStatus: Record<(typeof JOB_STATUS)[number], number>;
  failuresByModel: { modelId: string; failed: number; total: number }[];
  storage: { bytes: number; files: number };
  guests: { total: number; inWindow: number };
  abuse: { banned: number; inactive: number; failedJobsInWindow: number; topFailingUsers: { userId: string; email: string; failed: number }[] };
}

export const auditLogQuerySchema = z.object({
  cursor: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  /** Exact action (`user.ban`) or a prefix ending in a dot (`user.`). */
  action: z.string().trim().max(100).optional(),
  targetType: z.string().trim().max(50).optional(),
  targetId: z.string().trim().max(200).optional(),
});

export interface AuditEntryView {
  id: string;
  actorId: string | null;
  actorEmail: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  createdAt: string;
}
export interface AuditLogPage {
  items: AuditEntryView[];
  nextCursor: string | null;
}

export const adminJobsQuerySchema = z.object({
  cursor: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  status: z.enum(JOB_STATUS).optional(),
  modelId: z.string().trim().max(200).optional(),
  userId: z.uuid(vm("admin.userIdInvalid")).optional(),
  /** Owner's e-mail (part of it). */
  q: z.string().trim().max(200).optional(),
});

export type AdminJob = Job & { userId: string; userEmail: string };
export interface AdminJobsPage {
  items: AdminJob[];
  nextCursor: string | null;
}

export const ANNOUNCEMENT_KINDS = ["new", "update", "deprecation", "maintenance"] as const;
export type AnnouncementKind = (typeof ANNOUNCEMENT_KINDS)[number];

export const createAnnouncementSchema = z.object({
  modelId: z.string().trim().min(1, vm("admin.modelRequired")).max(200),
  kind: z.enum(ANNOUNCEMENT_KINDS).default("update"),
  title: z.string().trim().min(1, vm("admin.announcementTitleRequired")).max(120),
  body: z.string().trim().max(2000).default(""),
});
export type CreateAnnouncement = z.input<typeof createAnnouncementSchema>;

export const announcementsQuerySchema = z.object({
  modelId: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export interface Announcement {
  id: string;
  modelId: string;
  kind: AnnouncementKind;
  title: string;
  body: string;
  createdAt: string;
  /** Admin views only: who posted it and how many users were notified. */
  authorEmail?: string;
  notified?: number;
}

export interface AdminUserUsage {
  images: number;
  jobs: Record<(typeof JOB_STATUS)[number], number>;
  creditsSpent: number;
  storageBytes: number;
  lastJobAt: string | null;
  byModel: { modelId: string; images: number; credits: number }[];
}
