import type { Notification, NotificationKind, NotificationList, NotificationPreferencesUpdate, NotificationPreferencesView } from "@image-studio/shared";
import { infiniteQueryOptions, type InfiniteData, type QueryClient, queryOptions } from "@tanstack/react-query";
import { ApiError } from "@/lib/api";
import { call, rpc } from "@/lib/rpc";

/** The bell's queries and mutations. The newest page is kept on the device, so the page opens offline. */

export interface NotificationFilter {
  unread?: boolean;
  kinds?: NotificationKind[];
}

export const notificationKeys = {
  all: ["notifications"] as const,
  lists: () => ["notifications", "list"] as const,
  list: (f: NotificationFilter) => ["notifications", "list", f] as const,
  unread: () => ["notifications", "unread"] as const,
  preferences: () => ["notifications", "preferences"] as const,
};

const STORE_PREFIX = "image-studio:notifications:";
/** Set by the bell for the signed-in user: the device copy is per account. */
let storeUser: string | null = null;
export function setNotificationStoreUser(userId: string | null) {
  storeUser = userId;
}

export interface KeptNotifications {
  items: Notification[];
  unreadCount: number;
  savedAt: number;
}

export function keptNotifications(): KeptNotifications | null {
  if (!storeUser) return null;
  try {
    const raw = localStorage.getItem(STORE_PREFIX + storeUser);
    return raw ? (JSON.parse(raw) as KeptNotifications) : null;
  } catch {
    return null;
  }
}

function keep(list: NotificationList) {
  if (!storeUser) return;
  try {
    localStorage.setItem(STORE_PREFIX + storeUser, JSON.stringify({ items: list.items, unreadCount: list.unreadCount, savedAt: Date.now() } satisfies KeptNotifications));
  } catch {
    // Storage full or blocked: the page simply has no offline copy.
  }
}

const offline = () => typeof navigator !== "undefined" && navigator.onLine === false;
const unreachable = (err: unknown) => err instanceof ApiError && err.code === "NETWORK";

/**
 * Offline with no copy of the list on this device: the query waits for the network (paused, when the app saw the
 * connection drop) or could not reach it (a start without a network). Callers say so rather than show a skeleton
 * or a generic failure.
 */
export function waitingForNetwork(q: { isPending: boolean; isPaused: boolean; error: unknown }): boolean {
  return (q.isPending && q.isPaused) || unreachable(q.error);
}

/** A page as the device last saw it (first page of the unfiltered list only), marked as such. */
export type NotificationPage = NotificationList & { offlineSince?: number };

function localPage(f: NotificationFilter): NotificationPage | null {
  const kept = keptNotifications();
  if (!kept) return null;
  const items = kept.items.filter((n) => (!f.unread || !n.readAt) && (!f.kinds?.length || f.kinds.includes(n.kind)));
  return { items, nextCursor: null, unreadCount: kept.unreadCount, offlineSince: kept.savedAt };
}

function query(f: NotificationFilter, cursor: string | undefined, limit: number) {
  return {
    limit: String(limit),
    ...(cursor ? { cursor } : {}),
    ...(f.unread ? { unread: "true" as const } : {}),
    ...(f.kinds?.length ? { kind: f.kinds.join(",") } : {}),
  };
}

async function fetchPage(f: NotificationFilter, cursor: string | undefined, limit: number, signal?: AbortSignal): Promise<NotificationPage> {
  const first = cursor === undefined;
  if (first && offline()) {
    const local = localPage(f);
    if (local) return local;
  }
  try {
    const page: NotificationList = await call(
      rpc.notifications.index.$get({ query: query(f, cursor, limit) }, { init: { signal } }),
    );
    if (first && !f.unread && !f.kinds?.length) keep(page);
    return page;
  } catch (err) {
    const local = first && unreachable(err) ? localPage(f) : null;
    if (local) return local;
    throw err;
  }
}

export const notificationListOptions = (f: NotificationFilter, limit = 20) =>
  infiniteQueryOptions({
    queryKey: notificationKeys.list(f),
    queryFn: ({ pageParam, signal }) => fetchPage(f, pageParam, limit, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 30_000,
  });

export const unreadCountOptions = queryOptions({
  queryKey: notificationKeys.unread(),
  queryFn: async () => {
    try {
      return (await call(rpc.notifications["unread-count"].$get())).count;
    } catch (err) {
      const kept = unreachable(err) ? keptNotifications() : null;
      if (kept) return kept.unreadCount;
      throw err;
    }
  },
  staleTime: 60_000,
});

export const preferencesOptions = queryOptions({
  queryKey: notificationKeys.preferences(),
  queryFn: (): Promise<NotificationPreferencesView> => call(rpc.notifications.preferences.$get()),
  staleTime: 5 * 60_000,
});

export const markRead = (id: string): Promise<{ notification: Notification; unreadCount: number }> =>
  call(rpc.notifications[":id"].read.$post({ param: { id } }));
export const markAllRead = (): Promise<{ updated: number; unreadCount: number }> =>
  call(rpc.notifications["read-all"].$post());
export const deleteNotification = (id: string): Promise<{ deleted: boolean; unreadCount: number }> =>
  call(rpc.notifications[":id"].$delete({ param: { id } }));
export const savePreferences = (patch: NotificationPreferencesUpdate): Promise<NotificationPreferencesView> =>
  call(rpc.notifications.preferences.$put({ json: patch }));

type Pages = InfiniteData<NotificationPage, string | undefined>;

/** Applies a change to every cached list (and the count) without waiting for a refetch. */
export function patchCachedLists(qc: QueryClient, change: (n: Notification) => Notification | null, unreadCount?: number) {
  qc.setQueriesData<Pages>({ queryKey: notificationKeys.lists() }, (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((p) => ({
            ...p,
            items: p.items.map(change).filter((n): n is Notification => n !== null),
            ...(unreadCount !== undefined ? { unreadCount } : {}),
          })),
        }
      : data,
  );
  if (unreadCount !== undefined) qc.setQueryData(notificationKeys.unread(), unreadCount);
}
