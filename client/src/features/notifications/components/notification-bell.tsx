import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Bell, BellOff, CheckCheck } from "lucide-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { Skeleton } from "@/components/ui/skeleton";
import { useInfiniteQuery } from "@tanstack/react-query";
import { notificationListOptions, setNotificationStoreUser, unreadCountOptions } from "../api/notifications";
import { useLiveNotifications, useNotificationActions } from "../hooks/use-notifications";
import { NotificationItem } from "./notification-item";

/** The top bar's bell: unread badge, live updates, the latest few in a popover, a link to the full page. */
export function NotificationBell({ userId }: { userId?: string }) {
  const { t } = useTranslation("notifications");
  useEffect(() => setNotificationStoreUser(userId ?? null), [userId]);
  useLiveNotifications();
  const [open, setOpen] = useState(false);
  const { data: unread = 0 } = useQuery({ ...unreadCountOptions, enabled: !!userId });
  const label = unread ? t("bell.labelUnread", { count: unread }) : t("bell.label");
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={label} className="relative">
          <Bell className="size-5" aria-hidden="true" />
          {unread > 0 && (
            <span
              data-testid="unread-badge"
              aria-hidden="true"
              className="absolute right-0.5 top-0.5 grid h-4 min-w-4 place-items-center rounded-full bg-accent-solid px-1 font-mono text-[10px] font-semibold leading-none text-accent-foreground"
            >
              {unread > 99 ? "99+" : unread}
            </span>
          )}
        </Button>
      </PopoverTrigger>
      <PopoverContent align="end" className="w-[min(24rem,calc(100vw-1rem))] p-0" aria-label={t("bell.latest")}>
        {open && <BellList close={() => setOpen(false)} unread={unread} />}
      </PopoverContent>
    </Popover>
  );
}

function BellList({ close, unread }: { close: () => void; unread: number }) {
  const { t } = useTranslation("notifications");
  const { data, isPending, isError } = useInfiniteQuery(notificationListOptions({}, 8));
  const { readAll } = useNotificationActions();
  const items = data?.pages[0]?.items ?? [];
  return (
    <div className="grid">
      <div className="flex items-center justify-between gap-2 border-b border-border px-4 py-2.5">
        <h2 className="text-sm font-semibold">{t("bell.label")}</h2>
        <Button variant="ghost" size="sm" disabled={!unread || readAll.isPending} onClick={() => readAll.mutate()}>
          <CheckCheck aria-hidden="true" /> {t("markAllRead")}
        </Button>
      </div>
      <div className="max-h-[min(60vh,28rem)] overflow-y-auto p-1.5">
        {isPending ? (
          <div className="grid gap-2 p-2" aria-label={t("loading")}>
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} className="h-12 rounded-xl" />
            ))}
          </div>
        ) : isError && !items.length ? (
          <p className="p-4 text-sm text-muted-foreground">{t("bell.loadFailed")}</p>
        ) : items.length === 0 ? (
          <div className="grid place-items-center gap-2 p-6 text-center text-sm text-muted-foreground">
            <BellOff className="size-6" aria-hidden="true" />
            {t("bell.caughtUp")}
          </div>
        ) : (
          <ul className="grid gap-1" aria-label={t("bell.latest")}>
            {items.map((n) => (
              <NotificationItem key={n.id} n={n} onOpen={close} compact />
            ))}
          </ul>
        )}
      </div>
      <div className="border-t border-border p-1.5">
        <Button asChild variant="ghost" className="w-full">
          <Link to="/notifications" onClick={close}>
            {t("bell.seeAll")}
          </Link>
        </Button>
      </div>
    </div>
  );
}
