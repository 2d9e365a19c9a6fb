import { z } from "zod";
import { LIMITS } from "./limits";
import { vm } from "./validation-messages";

/** Admin contracts: /api/admin/users* and /api/admin/stats. */

export const adminUsersQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(25),
  status: z.enum(["all", "active", "banned", "inactive", "unverified", "admins"]).default("all"),
});

export const adminUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.string(),
  emailVerified: z.boolean(),
  banned: z.boolean(),
  banReason: z.string().nullable(),
  banExpires: z.string().nullable(),
  isActive: z.boolean(),
  creditsBalance: z.number(),
  twoFactorEnabled: z.boolean(),
  createdAt: z.string(),
  lastLogin: z.string().nullable(),
});
export type AdminUser = z.infer<typeof adminUserSchema>;

export const adminUsersResponseSchema = z.object({
  items: z.array(adminUserSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const adminUpdateUserSchema = z
  .object({ role: z.enum(["user", "admin"]).optional(), isActive: z.boolean().optional() })
  .refine((v) => v.role !== undefined || v.isActive !== undefined, vm("common.nothingToUpdate"));

export const banUserRequestSchema = z.object({
  reason: z.string().trim().max(500).optional(),
  /** Omitted: until unbanned. */
  expiresInHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 365 * 10)
    .optional(),
});

export const adjustCreditsRequestSchema = z.object({
  amount: z
    .number()
    .int("Credits are whole numbers")
    .min(-1_000_000)
    .max(1_000_000)
    .refine((n) => n !== 0, vm("admin.amountNonZero")),
  note: z.string().trim().min(1, vm("admin.creditNoteRequired")).max(200),
});

export const adminStatsSchema = z.object({
  users: z.object({
    total: z.number(),
    verified: z.number(),
    admins: z.number(),
    banned: z.number(),
    inactive: z.number(),
    newLast7Days: z.number(),
    activeLast24Hours: z.number(),
  }),
  images: z.object({ total: z.number(), last24Hours: z.number() }),
  generations: z.object({ total: z.number(), queued: z.number(), failed: z.number(), last24Hours: z.number() }),
  credits: z.object({ granted: z.number(), spent: z.number(), outstanding: z.number() }),
});
export type AdminStats = z.infer<typeof adminStatsSchema>;
