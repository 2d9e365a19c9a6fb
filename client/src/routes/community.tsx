import { COMMUNITY_SORTS } from "@image-studio/shared/url-values";
import { createFileRoute } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { oneOf, searchParams, text } from "@/lib/search-params";
import { titledKey } from "@/app/page-title";
import { CommunityPage } from "@/features/community/components/community-page";
import { PublicFrame } from "@/features/share/public/public-frame";

/** The community page: public, outside the signed-in app shell. */
export const Route = createFileRoute("/community")({
  staticData: { i18n: ["community", "share"] },
  head: titledKey("community"),
  validateSearch: searchParams({ sort: oneOf(COMMUNITY_SORTS), q: text(200) }),
  component: CommunityRoute,
});

function CommunityRoute() {
  const { t } = useTranslation("shell");
  const { sort = "newest", q = "" } = Route.useSearch();
  const navigate = Route.useNavigate();
  return (
    <PublicFrame badge={t("public.community")}>
      <CommunityPage key={`${sort}:${q}`} sort={sort} q={q} onSearch={(next) => void navigate({ search: { sort: next.sort === "newest" ? undefined : next.sort, q: next.q || undefined } })} />
    </PublicFrame>
  );
}
