import { COMMUNITY_SORTS } from "@image-studio/shared";
import { createFileRoute } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { titledKey } from "@/app/page-title";
import { CommunityPage } from "@/features/community/components/community-page";
import { PublicFrame } from "@/features/share/public/public-frame";

/** The community page: public, outside the signed-in app shell. */
export const Route = createFileRoute("/community")({
  staticData: { i18n: ["community", "share"] },
  head: titledKey("community"),
  validateSearch: z.object({ sort: z.enum(COMMUNITY_SORTS).optional().catch(undefined), q: z.string().max(200).optional().catch(undefined) }),
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
