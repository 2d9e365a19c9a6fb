import { createFileRoute } from "@tanstack/react-router";
import { z } from "zod";
import { titledKey } from "@/app/page-title";
import { NotificationsPage } from "@/features/notifications/components/notifications-page";

export const Route = createFileRoute("/_app/notifications")({
  head: titledKey("notifications"),
  validateSearch: z.object({
    show: z.enum(["all", "unread"]).optional().catch(undefined),
    kind: z.string().max(20).optional().catch(undefined),
  }),
  component: NotificationsRoute,
});

function NotificationsRoute() {
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  return <NotificationsPage search={search} onSearch={(s) => void navigate({ search: s, replace: true })} />;
}
