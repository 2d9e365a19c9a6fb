import { useQuery } from "@tanstack/react-query";
import { Bell } from "lucide-react";
import { lazy, Suspense, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { Skeleton } from "@/components/ui/skeleton";
import { setNotificationStoreUser, unreadCountOptions } from "../api/notifications";
import { useLiveNotifications } from "../hooks/use-notifications";

// The list is only seen with the popover open: its code (and the notification item's) loads on first open.
const BellList = lazy(() => import("./bell-list").then((m) => ({ default: m.BellList })));

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
        {open && (
          <Suspense fallback={<BellListLoading />}>
            <BellList close={() => setOpen(false)} unread={unread} />
          </Suspense>
        )}
      </PopoverContent>
    </Popover>
  );
}

function BellListLoading() {
  const { t } = useTranslation("notifications");
  return (
    <div className="grid gap-2 p-3.5" aria-label={t("loading")}>
      {[0, 1, 2].map((i) => (
        <Skeleton key={i} className="h-12 rounded-xl" />
      ))}
    </div>
  );
}
