import type { Notification } from "@image-studio/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useEffect } from "react";
import { toast } from "sonner";
import { jobStream } from "@/lib/jobs/job-stream";
import { deleteNotification, markAllRead, markRead, notificationKeys, patchCachedLists } from "../api/notifications";
import { browserNotificationsAllowed } from "../lib/browser-notifications";
import { notificationWordsNow } from "../lib/words";

/**
 * While mounted (the bell, in the top bar of every app page): new notifications arrive over the live event
 * stream, refresh the lists and the count, and — when the kind's browser channel is on, permission was given
 * and the app is not in front — show a system notification that opens the notification's link.
 */
export function useLiveNotifications() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  useEffect(
    () =>
      jobStream.subscribeNotifications((n) => {
        if (!n.readAt) qc.setQueryData<number>(notificationKeys.unread(), (c) => (c ?? 0) + 1);
        void qc.invalidateQueries({ queryKey: notificationKeys.lists() });
        void qc.invalidateQueries({ queryKey: notificationKeys.unread() });
        if (n.data.push === true && browserNotificationsAllowed() && !document.hasFocus()) {
          try {
            const words = notificationWordsNow(n);
            const shown = new window.Notification(words.title, { body: words.body, tag: n.id, icon: "/icons/icon-192.png" });
            shown.onclick = () => {
              window.focus();
              if (n.link) void navigate({ to: n.link });
              shown.close();
            };
          } catch {
            // Some browsers allow notifications from the service worker only: the bell still has it.
          }
        }
      }),
    [qc, navigate],
  );
}

export function useNotificationActions() {
  const qc = useQueryClient();
  const fail = (err: Error) => toast.error(err.message);
  const read = useMutation({
    mutationFn: (n: Notification) => markRead(n.id),
    onMutate: (n) => patchCachedLists(qc, (x) => (x.id === n.id && !x.readAt ? { ...x, readAt: new Date().toISOString() } : x)),
    onSuccess: (r) => patchCachedLists(qc, (x) => x, r.unreadCount),
    onError: fail,
  });
  const readAll = useMutation({
    mutationFn: markAllRead,
    onSuccess: () => {
      const now = new Date().toISOString();
      patchCachedLists(qc, (x) => (x.readAt ? x : { ...x, readAt: now }), 0);
      void qc.invalidateQueries({ queryKey: notificationKeys.lists() });
    },
    onError: fail,
  });
  const remove = useMutation({
    mutationFn: (n: Notification) => deleteNotification(n.id),
    onSuccess: (r, n) => patchCachedLists(qc, (x) => (x.id === n.id ? null : x), r.unreadCount),
    onError: fail,
  });
  return { read, readAll, remove };
}
