import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { BellOff, CheckCheck } from "lucide-react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { notificationListOptions, waitingForNetwork } from "../api/notifications";
import { useNotificationActions } from "../hooks/use-notifications";
import { NotificationItem } from "./notification-item";

/** The bell's popover: the latest few, "mark all read" and a link to the full page (loaded when first opened). */
export function BellList({ close, unread }: { close: () => void; unread: number }) {
  const { t } = useTranslation("notifications");
  const list = useInfiniteQuery(notificationListOptions({}, 8));
  const { data, isPending, isError } = list;
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
        {!items.length && waitingForNetwork(list) ? (
          <p className="p-4 text-sm text-muted-foreground">{t("bell.offline")}</p>
        ) : isPending ? (
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
