import { SUGGESTED_PROMPT_CATEGORIES, type PublicPrompt } from "@image-studio/shared";
import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { Copy, Globe, Star, WifiOff } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/cn";
import { useDebouncedValue } from "@/lib/use-debounced-value";
import { refreshPrompts } from "../api/prompts-store";
import { communityQuery, copyPrompt, starPrompt } from "../api/prompt-insights";

/** Prompts other people published: search, sort, star and copy into your own library. */
const SORTS = ["recent", "popular"] as const;

export function CommunityPrompts() {
  const { t } = useTranslation("prompts");
  const [q, setQ] = useState("");
  const [sort, setSort] = useState<"recent" | "popular">("recent");
  const [category, setCategory] = useState("");
  const search = useDebouncedValue(q.trim(), 250);
  const key = { q: search, sort, category };
  const list = useInfiniteQuery(communityQuery(key));
  const qc = useQueryClient();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  const star = async (p: PublicPrompt) => {
    try {
      await starPrompt(p.id, !p.starredByMe);
      await qc.invalidateQueries({ queryKey: ["prompts", "community"] });
    } catch (err) {
      toast.error(t("community.starFailed"), { description: err instanceof Error ? err.message : String(err) });
    }
  };
  const copy = async (p: PublicPrompt) => {
    try {
      await copyPrompt(p.id);
      await Promise.all([refreshPrompts(), qc.invalidateQueries({ queryKey: ["prompts", "community"] })]);
      toast.success(t("community.copied"), { description: p.title });
    } catch (err) {
      toast.error(t("community.copyFailed"), { description: err instanceof Error ? err.message : String(err) });
    }
  };

  return (
    <section aria-labelledby="community-heading" className="grid gap-4">
      <h2 id="community-heading" className="sr-only">
        {t("community.heading")}
      </h2>
      <div className="flex flex-wrap items-center gap-2">
        <Input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t("community.search")} aria-label={t("community.search")} className="max-w-xs" />
        <label className="sr-only" htmlFor="community-category">
          {t("community.category")}
        </label>
        <select
          id="community-category"
          value={category}
          onChange={(e) => setCategory(e.target.value)}
          className="h-9 rounded-lg border border-input bg-background px-2 text-sm focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
        >
          <option value="">{t("community.allCategories")}</option>
          {SUGGESTED_PROMPT_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        <div role="group" aria-label={t("community.sort")} className="inline-flex rounded-lg bg-muted p-1">
          {SORTS.map((s) => (
            <button
              key={s}
              type="button"
              aria-pressed={sort === s}
              onClick={() => setSort(s)}
              className={cn(
                "rounded-md px-3 py-1 text-sm transition-colors duration-200 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
                sort === s ? "bg-background font-medium text-foreground shadow-xs" : "text-muted-foreground",
              )}
            >
              {s === "recent" ? t("community.newest") : t("community.popular")}
            </button>
          ))}
        </div>
      </div>
      {list.isPending ? (
        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" aria-busy="true" aria-label={t("community.loading")}>
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} className="h-48 rounded-xl" />
          ))}
        </div>
      ) : list.isError ? (
        <EmptyState icon={WifiOff} title={t("community.offline")} description={t("community.offlineDescription")} />
      ) : items.length === 0 ? (
        <EmptyState icon={Globe} title={t("community.empty")} description={t("community.emptyDescription")} />
      ) : (
        <>
          <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" aria-label={t("community.heading")}>
            {items.map((p) => (
              <li key={p.id}>
                <article aria-label={p.title} className="flex h-full flex-col overflow-hidden rounded-xl border border-border bg-card shadow-xs transition-shadow duration-200 hover:shadow-md">
                  {p.exampleUrl && <img src={p.exampleUrl} alt={t("community.example", { title: p.title })} loading="lazy" className="aspect-video w-full bg-muted object-cover" />}
                  <div className="flex flex-1 flex-col gap-2 p-4">
                    <h3 className="font-semibold break-words">{p.title}</h3>
                    <p className="text-xs text-muted-foreground">
                      {t("community.by", { name: p.author.name })}
                      {p.mine && t("community.you")}
                    </p>
                    <div className="flex flex-wrap gap-1.5">
                      {p.category && <Badge variant="accent">{p.category}</Badge>}
                      {p.isTemplate && <Badge variant="secondary">{t("card.template")}</Badge>}
                    </div>
                    <p className="line-clamp-4 text-sm break-words whitespace-pre-wrap">{p.promptText}</p>
                    <footer className="mt-auto flex items-center gap-2 border-t border-border pt-3">
                      <span className="mr-auto text-xs text-muted-foreground">
                        {t("community.copies", { count: p.copies })}
                      </span>
                      <Button variant="ghost" size="sm" aria-pressed={p.starredByMe} disabled={p.mine} onClick={() => void star(p)} aria-label={t("community.star", { title: p.title, count: p.stars })}>
                        <Star className={cn("size-4", p.starredByMe ? "fill-warning text-warning-strong" : "")} aria-hidden="true" /> {p.stars}
                      </Button>
                      {!p.mine && (
                        <Button size="sm" variant="secondary" onClick={() => void copy(p)}>
                          <Copy aria-hidden="true" /> {t("community.copy")}<span className="sr-only">{t("community.copySr", { title: p.title })}</span>
                        </Button>
                      )}
                    </footer>
                  </div>
                </article>
              </li>
            ))}
          </ul>
          {list.hasNextPage && (
            <Button variant="outline" className="justify-self-center" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              {t("community.more")}
            </Button>
          )}
        </>
      )}
    </section>
  );
}
