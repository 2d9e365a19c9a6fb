import { createFileRoute } from "@tanstack/react-router";
import { oneOf, searchParams, text } from "@/lib/search-params";
import { titledKey } from "@/app/page-title";
import { NotificationsPage } from "@/features/notifications/components/notifications-page";

export const Route = createFileRoute("/_app/notifications")({
  head: titledKey("notifications"),
  validateSearch: searchParams({
    show: oneOf(["all", "unread"]),
    kind: text(20),
  }),
  component: NotificationsRoute,
});

function NotificationsRoute() {
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  return <NotificationsPage search={search} onSearch={(s) => void navigate({ search: s, replace: true })} />;
}
