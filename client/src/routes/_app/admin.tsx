import { createFileRoute, notFound } from "@tanstack/react-router";
import { oneOf, searchParams } from "@/lib/search-params";
import { titledKey } from "@/app/page-title";
import { AdminPage } from "@/features/admin/components/admin-page";
import { ADMIN_TABS, type AdminTab } from "@/features/admin/tabs";

const search = searchParams({ tab: oneOf(ADMIN_TABS) });

/** Administrators only: everyone else gets the app's 404 page, as if there were no such page. */
export const Route = createFileRoute("/_app/admin")({
  staticData: { i18n: ["admin"] },
  head: titledKey("admin"),
  beforeLoad: ({ context }) => {
    if (context.session.user.role !== "admin") throw notFound();
  },
  validateSearch: search,
  component: AdminRoute,
});

function AdminRoute() {
  const { tab = "overview" } = Route.useSearch();
  const navigate = Route.useNavigate();
  return <AdminPage tab={tab} onTab={(t: AdminTab) => void navigate({ search: { tab: t }, replace: true })} />;
}
