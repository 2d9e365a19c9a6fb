import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { ImageOff, UserX } from "lucide-react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ApiError } from "@/lib/api";
import { sessionQuery } from "@/lib/session";
import { userPageOptions } from "../api";
import { CommunityGrid } from "./community-grid";
import { GridSkeleton, LoadError } from "./community-page";

/** `/u/:handle`: one person's published images. */
export function ProfilePage({ handle }: { handle: string }) {
  const { t } = useTranslation("community");
  const session = useQuery(sessionQuery);
  const page = useInfiniteQuery(userPageOptions(handle.toLowerCase()));
  if (page.isError && page.error instanceof ApiError && page.error.status === 404) {
    return <EmptyState icon={UserX} title={t("profilePage.notFound.title")} description={t("profilePage.notFound.description")} action={<Button asChild variant="outline"><a href="/community">{t("profilePage.notFound.browse")}</a></Button>} />;
  }
  const first = page.data?.pages[0];
  const items = page.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="space-y-6 pt-2">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="space-y-1">
          <h1 className="text-2xl font-bold tracking-tight break-words sm:text-3xl">@{first?.handle ?? handle.toLowerCase()}</h1>
          {first && (
            <p className="text-sm text-foreground/80">
              {t("profilePage.published", { count: first.publishedCount })}
            </p>
          )}
        </div>
        <Button asChild variant="outline" size="sm">
          <a href="/community">{t("page.title")}</a>
        </Button>
      </div>
      {page.isPending ? (
        <GridSkeleton />
      ) : page.isError ? (
        <LoadError onRetry={() => void page.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState icon={ImageOff} title={t("profilePage.empty.title")} description={t("profilePage.empty.description")} />
      ) : (
        <CommunityGrid items={items} signedIn={!!session.data} showAuthor={false} label={t("profilePage.listLabel", { handle: first?.handle ?? handle })} />
      )}
      {page.hasNextPage && (
        <div className="flex justify-center">
          <Button variant="outline" onClick={() => void page.fetchNextPage()} disabled={page.isFetchingNextPage}>
            {page.isFetchingNextPage ? t("loading") : t("showMore")}
          </Button>
        </div>
      )}
    </div>
  );
}
