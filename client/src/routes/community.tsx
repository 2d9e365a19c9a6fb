import { COMMUNITY_SORTS } from "@image-studio/shared";
import { createFileRoute } from "@tanstack/react-router";
import { z } from "zod";
import { titled } from "@/app/page-title";
import { CommunityPage } from "@/features/community/components/community-page";
import { PublicFrame } from "@/features/share/public/public-frame";

/** The community page: public, outside the signed-in app shell. */
export const Route = createFileRoute("/community")({
  head: titled("Community"),
  validateSearch: z.object({ sort: z.enum(COMMUNITY_SORTS).optional().catch(undefined), q: z.string().max(200).optional().catch(undefined) }),
  component: CommunityRoute,
});

function CommunityRoute() {
  const { sort = "newest", q = "" } = Route.useSearch();
  const navigate = Route.useNavigate();
  return (
    <PublicFrame badge="Community · public">
      <CommunityPage key={`${sort}:${q}`} sort={sort} q={q} onSearch={(next) => void navigate({ search: { sort: next.sort === "newest" ? undefined : next.sort, q: next.q || undefined } })} />
    </PublicFrame>
  );
}
