/**
 * Usage and credits: the ledger as the user sees it (balance, history, CSV), usage figures by day, month, model
 * and project, cost comparison and tips, spending limits and alerts, redeemable codes, Stripe top-ups, the
 * activity feed and model status on the dashboard. The server answers with these shapes; the client reads them.
 */
import { z } from "zod";
import { vm } from "./validation-messages";

import { CREDIT_KINDS } from "./url-values";
export { CREDIT_KINDS, type CreditKind } from "./url-values";

const isoDate = z.iso
  .date("Use a date like 2026-01-31")
  .refine((d) => d >= "1970-01-01" && d <= "9999-12-30", vm("common.dateRangeUsage"));

export const creditHistoryQuerySchema = z.object({
  kind: z.enum(CREDIT_KINDS).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** The `nextCursor` of the previous page. */
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type CreditHistoryQuery = z.infer<typeof creditHistoryQuerySchema>;

export const creditHistoryItemSchema = z.object({
  id: z.string(),
  amount: z.number().int(),
  kind: z.enum(CREDIT_KINDS),
  /** Why, in words: "FLUX dev: text-to-image", "generation failed", "Code WELCOME". */
  reason: z.string(),
  jobId: z.string().nullable(),
  /** The first image the job made, when it made one. */
  imageId: z.string().nullable(),
  modelId: z.string().nullable(),
  createdAt: z.string(),
  balanceAfter: z.number().int(),
});
export type CreditHistoryItem = z.infer<typeof creditHistoryItemSchema>;
export interface CreditHistoryPage {
  items: CreditHistoryItem[];
  nextCursor: string | null;
}
export interface CreditBalance {
  balance: number;
}

export interface UsageStats {
  images: number;
  /** Net credits spent on generations (holds less refunds), all time and in the current calendar month (UTC). */
  creditsSpent: number;
  creditsSpentThisMonth: number;
  imagesThisMonth: number;
  projects: number;
  storageBytes: number;
  balance: number;
}

export const usageDaysQuerySchema = z.object({ days: z.coerce.number().int().min(1).max(366).default(30) });
export const usageMonthsQuerySchema = z.object({ months: z.coerce.number().int().min(1).max(36).default(12) });

export interface UsageDay {
  date: string;
  images: number;
  credits: number;
}
export interface UsageMonth {
  month: string;
  images: number;
  credits: number;
}
export interface UsageByModel {
  modelId: string;
  modelName: string;
  images: number;
  credits: number;
}
export interface UsageByProject {
  projectId: string | null;
  projectName: string | null;
  images: number;
  credits: number;
}

/** What one image at the user's typical settings costs on each model that can make it. */
export interface CostComparison {
  settings: { width: number; height: number; numImages: number; basedOnJobs: number };
  items: {
    modelId: string;
    modelName: string;
    credits: number;
    speed: number;
    quality: number;
    available: boolean;
    usedByYou: boolean;
  }[];
}

export interface UsageTip {
  id: string;
  title: string;
  body: string;
  /** Credits a month the tip would save at the user's current pace, when it can be said. */
  savesPerMonth: number | null;
  link: string | null;
}


export const creditLimitsSchema = z.object({
  /** Credits a calendar month (UTC) may spend on new jobs; null = no limit. */
  monthlyLimit: z.number().int().min(1, vm("usage.limitMin")).max(100_000_000).nullable(),
  /** Tell me when my balance falls below this; null = no alert. */
  lowBalanceAlert: z.number().int().min(1, vm("usage.alertMin")).max(100_000_000).nullable(),
});
export type CreditLimitsInput = z.infer<typeof creditLimitsSchema>;
export interface CreditLimits extends CreditLimitsInput {
  spentThisMonth: number;
  /** Credits left under the monthly limit (null without a limit). */
  remainingThisMonth: number | null;
}

export const redeemCodeSchema = z.object({
  code: z
    .string()
    .trim()
    .min(4, vm("usage.codeMin"))
    .max(40, vm("usage.codeMax"))
    .regex(/^[A-Za-z0-9-]+$/, vm("usage.codePattern")),
});
export interface RedeemResult {
  code: string;
  amount: number;
  balance: number;
  /** True when this user had already redeemed the code: nothing changed. */
  alreadyRedeemed: boolean;
}

export const createCreditCodeSchema = z.object({
  /** Leave out to get a random code. */
  code: redeemCodeSchema.shape.code.optional(),
  amount: z.number().int().min(1).max(1_000_000),
  maxRedemptions: z.number().int().min(1).max(1_000_000).default(1),
  expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
  note: z.string().trim().max(200).default(""),
});
export type CreateCreditCode = z.input<typeof createCreditCodeSchema>;
export interface CreditCode {
  id: string;
  code: string;
  amount: number;
  maxRedemptions: number;
  redemptions: number;
  expiresAt: string | null;
  note: string;
  createdAt: string;
}

/** Top-up packs on Stripe Checkout: credits and their price in US cents (1 credit = US$0.001). */
export const CREDIT_PACKS = [
  { id: "small", credits: 5_000, priceCents: 500 },
  { id: "medium", credits: 20_000, priceCents: 2_000 },
  { id: "large", credits: 50_000, priceCents: 5_000 },
] as const;
export type CreditPackId = (typeof CREDIT_PACKS)[number]["id"];
export const checkoutRequestSchema = z.object({
  pack: z.enum(CREDIT_PACKS.map((p) => p.id) as [CreditPackId, ...CreditPackId[]]),
});
export interface CheckoutSession {
  url: string;
}
/** What the client needs to know about buying credits: absent packs = not offered on this install. */
export interface CreditOffers {
  checkout: boolean;
  packs: { id: CreditPackId; credits: number; priceCents: number }[];
}

export const ACTIVITY_TYPES = ["generated", "iterated", "shared", "commented", "batch"] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export interface ActivityItem {
  id: string;
  type: ActivityType;
  title: string;
  detail: string | null;
  imageId: string | null;
  link: string | null;
  at: string;
}
export const activityQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) });
