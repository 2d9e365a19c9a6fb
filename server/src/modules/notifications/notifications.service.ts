import { msg } from "../../i18n/api";
import {
  NOTIFICATION_KINDS,
  type NotificationKind,
  type NotificationList,
  type NotificationPreferencesUpdate,
  type NotificationPreferencesView,
} from "@image-studio/shared";
import type { Ctx } from "../../context";
import type { Db } from "../../db/client";
import { AppError, notFound } from "../../lib/errors";
import { findSettings, lockSettings, upsertSettings } from "../settings/settings.repo";
import * as repo from "./notifications.repo";
import { channelsFor, toNotificationView } from "./notify";

/** The bell's API: the signed-in user's notifications and their per-kind, per-channel preferences. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `language`: the request's (the stored English when absent); the client words the items itself from `params`. */
export async function list(ctx: Ctx, q: { cursor?: string; limit: number; unread?: "true" | "false"; kind?: NotificationKind[] }, language?: string): Promise<NotificationList> {
  if (q.cursor && !UUID.test(q.cursor)) throw new AppError("BAD_REQUEST", msg("request.pageLinkInvalid"));
  const rows = await repo.listNotifications(ctx.db, ctx.user.id, {
    limit: q.limit + 1,
    afterId: q.cursor,
    unreadOnly: q.unread === "true",
    kinds: q.kind,
  });
  const page = rows.slice(0, q.limit);
  return {
    items: page.map((row) => toNotificationView(row, language)),
    nextCursor: rows.length > q.limit ? page.at(-1)!.id : null,
    unreadCount: await repo.unreadCount(ctx.db, ctx.user.id),
  };
}

export async function unreadCount(ctx: Ctx) {
  return { count: await repo.unreadCount(ctx.db, ctx.user.id) };
}

export async function markRead(ctx: Ctx, id: string, language?: string) {
  const row = await repo.markRead(ctx.db, ctx.user.id, id);
  if (!row) throw notFound("notification");
  return { notification: toNotificationView(row, language), unreadCount: await repo.unreadCount(ctx.db, ctx.user.id) };
}

export async function markAllRead(ctx: Ctx) {
  const updated = await repo.markAllRead(ctx.db, ctx.user.id);
  return { updated, unreadCount: 0 };
}

export async function remove(ctx: Ctx, id: string) {
  if (!(await repo.deleteNotification(ctx.db, ctx.user.id, id))) throw notFound("notification");
  return { deleted: true, unreadCount: await repo.unreadCount(ctx.db, ctx.user.id) };
}

function view(stored: unknown, notificationsEnabled: boolean): NotificationPreferencesView {
  const preferences = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, channelsFor(stored, k)])) as NotificationPreferencesView["preferences"];
  return { preferences, notificationsEnabled };
}

export async function getPreferences(ctx: Ctx): Promise<NotificationPreferencesView> {
  const row = await findSettings(ctx.db, ctx.user.id);
  return view(row?.settings?.notificationPreferences, row?.notificationsEnabled ?? true);
}

/**
 * Merges the given kinds and channels into the stored preferences (a read-modify-write under the settings
 * row's lock, so two tabs changing different kinds both keep their change). Only differences from the
 * defaults matter, but the whole merged map is stored: defaults may change later, a user's choice not.
 */
export async function putPreferences(ctx: Ctx, patch: NotificationPreferencesUpdate): Promise<NotificationPreferencesView> {
  const row = await ctx.db.transaction(async (tx) => {
    const current = await lockSettings(tx as unknown as Db, ctx.user.id);
    const stored = (current.settings?.notificationPreferences ?? {}) as Record<string, Record<string, boolean>>;
    const next: Record<string, Record<string, boolean>> = { ...stored };
    for (const [kind, channels] of Object.entries(patch)) {
      if (!channels) continue;
      next[kind] = { ...channelsFor(stored, kind as NotificationKind), ...channels };
    }
    return upsertSettings(tx as unknown as Db, ctx.user.id, { settings: { ...current.settings, notificationPreferences: next } });
  });
  return view(row.settings.notificationPreferences, row.notificationsEnabled);
}
