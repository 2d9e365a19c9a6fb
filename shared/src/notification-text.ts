/**
 * A notification is stored as its kind + parameters (ids, names, counts, the job's prompt excerpt…) and put into
 * words when someone reads it, in the reader's language: by the client for the bell and the notifications page,
 * by the server for mail and the live event. Both sides call `notificationText` with a translator bound to their
 * notification catalog (client: `notifications:messages.*`; server: i18n/locales/<lang>/notifications.json — the
 * same keys and text, held together by a test). A row without parameters (written before they existed) or whose
 * parameters no longer parse keeps its stored English title and body.
 */
import { z } from "zod";
import type { NotificationKind } from "./notifications";

/**
 * The parameters of each kind that the server can send. `review.updated` has no sender (and no words) yet. Built on
 * first use: the client's bell imports this module with its first render, the schemas are needed only to read one.
 */
function paramSchemas() {
  const text = z.string();
  const count = z.number().int();
  const linkKind = z.enum(["image", "project", "collection"]);
  return {
    "job.completed": z.object({ count, prompt: text, model: text }),
    "job.failed": z.object({ reason: text, refunded: count, prompt: text, model: text }),
    "batch.completed": z.object({ name: text, completed: count, failed: count, total: count }),
    "credits.low": z.object({ balance: count, threshold: count }),
    "credits.limit": z.object({ limit: count, spent: count }),
    "credits.granted": z.object({ credits: count }),
    "credits.expiring": z.object({ credits: count, expiresAt: text }),
    "share.viewed": z.object({ linkKind, title: text }),
    "share.review": z.object({ linkKind, reviewer: text, verdict: z.enum(["approved", "changes_requested"]), note: text }),
    "comment.new": z.object({ author: text, excerpt: text }),
    "comment.mention": z.object({ author: text, excerpt: text }),
    "team.invite": z.object({ inviter: text, team: text, role: z.enum(["admin", "editor", "viewer"]), expiresAt: text }),
    "model.announcement": z.object({ announcementKind: z.enum(["new", "update", "deprecation", "maintenance"]), model: text, title: text, body: text }),
    "community.unpublished": z.object({ reason: text }),
  } as const satisfies Partial<Record<NotificationKind, z.ZodType>>;
}
type ParamSchemas = ReturnType<typeof paramSchemas>;
let schemas: ParamSchemas | undefined;
export const notificationParamSchemas = (): ParamSchemas => (schemas ??= paramSchemas());

export type TemplatedKind = keyof ParamSchemas;
export type NotificationParams<K extends TemplatedKind = TemplatedKind> = z.infer<ParamSchemas[K]>;

/** `{ kind, params }` with the params each kind needs (what notify() takes on the server). */
export type KindWithParams = { [K in TemplatedKind]: { kind: K; params: NotificationParams<K> } }[TemplatedKind];

/** A translator for keys under the notification catalog's root (`jobCompleted.title`…). */
export type NotificationT = (key: string, vars?: Record<string, string | number>) => string;
export interface NotificationFormat {
  number: (n: number) => string;
  /** A date (no time) from an ISO timestamp. */
  date: (iso: string) => string;
}

export interface NotificationWords {
  title: string;
  body: string;
}

const sentence = (s: string) => (/[.!?…]$/.test(s) ? s : `${s}.`);
const join = (...parts: string[]) => parts.filter(Boolean).join(" ");

type Render<K extends TemplatedKind> = (p: NotificationParams<K>, t: NotificationT, f: NotificationFormat) => NotificationWords;

const RENDER: { [K in TemplatedKind]: Render<K> } = {
  // One image is news of its own ("Your image is ready"); two or more are counted (n ≥ 2: no plural forms needed yet).
  "job.completed": (p, t, f) => ({
    title: p.count === 1 ? t("jobCompleted.title") : t("jobCompleted.titleSeveral", { n: f.number(p.count) }),
    body: t("jobCompleted.body", { prompt: p.prompt, model: p.model }),
  }),
  "job.failed": (p, t, f) => ({
    title: t("jobFailed.title"),
    body: join(sentence(p.reason), p.refunded > 0 ? t("jobFailed.refund", { count: p.refunded, n: f.number(p.refunded) }) : ""),
  }),
  "batch.completed": (p, t, f) => {
    const vars = { name: p.name, completed: f.number(p.completed), total: f.number(p.total), failed: f.number(p.failed) };
    return { title: t("batchCompleted.title", vars), body: t(p.failed ? "batchCompleted.bodyFailed" : "batchCompleted.body", vars) };
  },
  "credits.low": (p, t, f) => ({
    title: t("creditsLow.title"),
    body: t("creditsLow.body", { count: p.balance, balance: f.number(p.balance), threshold: f.number(p.threshold) }),
  }),
  "credits.limit": (p, t, f) => ({ title: t("creditsLimit.title"), body: t("creditsLimit.body", { spent: f.number(p.spent), limit: f.number(p.limit) }) }),
  "credits.granted": (p, t, f) => ({ title: t("creditsGranted.title", { count: p.credits, n: f.number(p.credits) }), body: t("creditsGranted.body") }),
  "credits.expiring": (p, t, f) => ({
    title: t("creditsExpiring.title", { count: p.credits, n: f.number(p.credits) }),
    body: t("creditsExpiring.body", { date: f.date(p.expiresAt) }),
  }),
  "share.viewed": (p, t) => ({ title: t(`shareViewed.title.${p.linkKind}`), body: t("shareViewed.body", { title: p.title }) }),
  "share.review": (p, t) => {
    const what = `${p.verdict === "approved" ? "approved" : "changes"}${p.note ? "Note" : ""}`;
    return {
      title: t(`shareReview.title.${p.linkKind}`, { reviewer: p.reviewer }),
      body: join(t(`shareReview.body.${what}`, { reviewer: p.reviewer, note: p.note }), t("shareReview.where")),
    };
  },
  "comment.new": (p, t) => ({ title: t("commentNew.title", { author: p.author }), body: p.excerpt }),
  "comment.mention": (p, t) => ({ title: t("commentMention.title", { author: p.author }), body: p.excerpt }),
  "team.invite": (p, t, f) => ({
    title: t("teamInvite.title", { inviter: p.inviter, team: p.team }),
    body: t("teamInvite.body", { role: t(`teamInvite.roles.${p.role}`), date: f.date(p.expiresAt) }),
  }),
  "model.announcement": (p, t) => ({
    title: t("modelAnnouncement.title", { kind: t(`modelAnnouncement.kinds.${p.announcementKind}`), model: p.model, title: p.title }),
    body: p.body,
  }),
  "community.unpublished": (p, t) => ({ title: t("communityUnpublished.title"), body: t("communityUnpublished.body", { reason: p.reason }) }),
};

/** Parameters that still fit their kind, or null (none stored, or the kind has no words). */
export function parseNotificationParams(kind: string, params: unknown): KindWithParams | null {
  const schemas = notificationParamSchemas();
  if (params == null || !Object.hasOwn(schemas, kind)) return null;
  const parsed = schemas[kind as TemplatedKind].safeParse(params);
  return parsed.success ? ({ kind, params: parsed.data } as KindWithParams) : null;
}

/** The title and body of a notification in the language of `t` and `format`; the stored text when it has no usable parameters. */
export function notificationText(
  n: { kind: string; params?: unknown; title: string; body: string },
  t: NotificationT,
  format: NotificationFormat,
): NotificationWords {
  const typed = parseNotificationParams(n.kind, n.params);
  if (!typed) return { title: n.title, body: n.body };
  return (RENDER[typed.kind] as Render<TemplatedKind>)(typed.params, t, format);
}
