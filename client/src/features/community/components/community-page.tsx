import { COMMUNITY_SORTS, type CommunitySort } from "@image-studio/shared";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { ImageOff, Search, WifiOff } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { fieldClasses } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/cn";
import { sessionQuery } from "@/lib/session";
import { communityFeedOptions } from "../api";
import { CommunityGrid } from "./community-grid";

const SORT_LABELS = { newest: "sort.newest", popular: "sort.popular" } as const satisfies Record<CommunitySort, string>;

export function GridSkeleton() {
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4" aria-hidden="true">
      {Array.from({ length: 8 }, (_, i) => (
        <Skeleton key={i} className="aspect-square rounded-xl" />
      ))}
    </div>
  );
}

export function LoadError({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation("community");
  return <EmptyState icon={WifiOff} title={t("loadError.title")} description={t("loadError.description")} action={<Button onClick={onRetry}>{t("loadError.retry")}</Button>} />;
}

/** Everyone's published images: newest or most favourited, searchable by prompt words (where prompts are shown). */
export function CommunityPage({ sort, q, onSearch }: { sort: CommunitySort; q: string; onSearch: (next: { sort: CommunitySort; q: string }) => void }) {
  const { t } = useTranslation("community");
  const session = useQuery(sessionQuery);
  const feed = useInfiniteQuery(communityFeedOptions(sort, q));
  const [text, setText] = useState(q);
  const items = feed.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="space-y-6 pt-2">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t("page.title")}</h1>
        <p className="max-w-prose text-foreground/80">{t("page.description")}</p>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <form
          role="search"
          className="flex min-w-64 flex-1 gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            onSearch({ sort, q: text.trim() });
          }}
        >
          <label htmlFor="community-q" className="sr-only">
            {t("page.search")}
          </label>
          <input id="community-q" type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder={t("page.search")} maxLength={200} className={cn(fieldClasses, "h-10 min-w-0 flex-1")} />
          <Button type="submit" variant="outline" aria-label={t("page.searchButton")}>
            <Search aria-hidden="true" />
          </Button>
        </form>
        <div role="group" aria-label={t("page.sort")} className="inline-flex rounded-lg border border-border p-0.5">
          {COMMUNITY_SORTS.map((s) => (
            <button
              key={s}
              type="button"
              aria-pressed={sort === s}
              onClick={() => onSearch({ sort: s, q })}
              className={cn("min-h-9 rounded-md px-3 text-sm transition-colors duration-200 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none", sort === s ? "bg-primary-solid text-primary-foreground" : "hover:bg-muted")}
            >
              {t(SORT_LABELS[s])}
            </button>
          ))}
        </div>
      </div>
      {feed.isPending ? (
        <GridSkeleton />
      ) : feed.isError ? (
        <LoadError onRetry={() => void feed.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState icon={ImageOff} title={q ? t("page.noMatch.title") : t("page.empty.title")} description={q ? t("page.noMatch.description") : t("page.empty.description")} />
      ) : (
        <CommunityGrid items={items} signedIn={!!session.data} label={t("page.listLabel")} />
      )}
      {feed.hasNextPage && (
        <div className="flex justify-center">
          <Button variant="outline" onClick={() => void feed.fetchNextPage()} disabled={feed.isFetchingNextPage}>
            {feed.isFetchingNextPage ? t("loading") : t("showMore")}
          </Button>
        </div>
      )}
    </div>
  );
}
