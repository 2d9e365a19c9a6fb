import { type GlobalSearchResponse, imageFileUrl, SEARCH_TYPES, type SearchHit, type SearchType } from "@image-studio/shared";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { CloudOff, Search as SearchIcon, SearchX } from "lucide-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "@/app/shell/page-header";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { fieldClasses } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { cn } from "@/lib/cn";
import { modelsQuery } from "@/lib/models";
import { searchQuery } from "../api/search";
import { fieldLabel, hitLink, TYPE_LABELS } from "../hits";
import { rememberSearch } from "../recent";

export interface SearchParams {
  q?: string;
  type?: "all" | SearchType;
  favorite?: "true" | "false";
  modelId?: string;
  archived?: "true" | "false";
}

const RESULTS = 60;

/** /search?q= — every kind of match in tabs, best first, with filters for images and projects. */
export function SearchPage({ search, onChange }: { search: SearchParams; onChange: (patch: Partial<SearchParams>) => void }) {
  const { t } = useTranslation("search");
  const q = search.q?.trim() ?? "";
  useEffect(() => {
    if (q) rememberSearch(q);
  }, [q]);
  const results = useQuery(
    searchQuery({ q, limit: RESULTS, favorite: search.favorite === undefined ? undefined : search.favorite === "true", modelId: search.modelId, archived: search.archived === "true" }),
  );
  const tab = search.type && search.type !== "all" ? search.type : firstWithHits(results.data) ?? "images";
  return (
    <>
      <PageHeader title={q ? t("page.resultsFor", { q }) : t("page.title")} description={t("page.description")} />
      <SearchForm key={q} initial={q} onSearch={(v) => onChange({ q: v || undefined })} />
      {!q ? (
        <EmptyState icon={SearchIcon} title={t("page.emptyTitle")} description={t("page.emptyDescription")} className="mx-0" />
      ) : (
        <>
          {results.data?.offline && (
            <p className="mb-3 flex items-center gap-2 text-sm text-muted-foreground" role="status">
              <CloudOff className="size-4" aria-hidden="true" /> {t("page.offline")}
            </p>
          )}
          <Tabs value={tab} onValueChange={(v) => onChange({ type: v as SearchType })}>
            <div className="-mx-4 overflow-x-auto px-4 pb-1 md:mx-0 md:px-0">
              <TabsList aria-label={t("page.kinds")}>
                {SEARCH_TYPES.map((type) => {
                  const Icon = TYPE_LABELS[type].icon;
                  const n = results.data?.[type].length;
                  return (
                    <TabsTrigger key={type} value={type} className="flex-none">
                      <Icon aria-hidden="true" /> {t(`types.${type}.label`)}
                      {n !== undefined && <span className="ml-1 rounded-md bg-muted px-1.5 font-mono text-xs">{n === RESULTS ? t("page.atLeast", { n }) : n}</span>}
                    </TabsTrigger>
                  );
                })}
              </TabsList>
            </div>
            {SEARCH_TYPES.map((type) => (
              <TabsContent key={type} value={type} className="mt-4">
                <Filters type={type} search={search} onChange={onChange} />
                {results.isPending ? (
                  <ResultsSkeleton />
                ) : results.isError ? (
                  <EmptyState icon={SearchX} title={t("page.failed")} description={results.error.message} className="mx-0" />
                ) : results.data[type].length === 0 ? (
                  <EmptyState icon={SearchX} title={t(`types.${type}.none`, { q })} description={t("page.noneHint")} className="mx-0" />
                ) : type === "images" ? (
                  <ImageResults hits={results.data.images} />
                ) : (
                  <ListResults hits={results.data[type]} />
                )}
              </TabsContent>
            ))}
          </Tabs>
        </>
      )}
    </>
  );
}

function SearchForm({ initial, onSearch }: { initial: string; onSearch: (q: string) => void }) {
  const { t } = useTranslation("search");
  const [draft, setDraft] = useState(initial);
  return (
    <form
      role="search"
      className="mb-4 flex max-w-xl gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(draft.trim());
      }}
    >
      <label htmlFor="search-page-input" className="sr-only">
        {t("page.title")}
      </label>
      <input id="search-page-input" type="search" value={draft} onChange={(e) => setDraft(e.target.value)} placeholder={t("page.placeholder")} className={cn(fieldClasses, "h-10 flex-1 pointer-coarse:h-11")} />
      <Button type="submit">
        <SearchIcon aria-hidden="true" /> {t("page.submit")}
      </Button>
    </form>
  );
}

const firstWithHits = (d: GlobalSearchResponse | undefined) => (d ? SEARCH_TYPES.find((t) => d[t].length > 0) : undefined);

function Filters({ type, search, onChange }: { type: SearchType; search: SearchParams; onChange: (patch: Partial<SearchParams>) => void }) {
  const { t } = useTranslation("search");
  const models = useQuery({ ...modelsQuery, enabled: type === "images" });
  if (type === "images")
    return (
      <div className="mb-4 flex flex-wrap items-center gap-4">
        <label className="flex items-center gap-2 text-sm">
          <Switch checked={search.favorite === "true"} onCheckedChange={(v) => onChange({ favorite: v ? "true" : undefined })} aria-label={t("filters.favourites")} />
          {t("filters.favourites")}
        </label>
        <label className="flex items-center gap-2 text-sm">
          {t("filters.model")}
          <select className={cn(fieldClasses, "h-9 pointer-coarse:h-11")} value={search.modelId ?? ""} onChange={(e) => onChange({ modelId: e.target.value || undefined })}>
            <option value="">{t("filters.anyModel")}</option>
            {(models.data ?? []).map((m) => (
              <option key={m.id} value={m.id}>
                {m.displayName}
              </option>
            ))}
          </select>
        </label>
      </div>
    );
  if (type === "projects")
    return (
      <label className="mb-4 flex items-center gap-2 text-sm">
        <Switch checked={search.archived === "true"} onCheckedChange={(v) => onChange({ archived: v ? "true" : undefined })} aria-label={t("filters.archived")} />
        {t("filters.archived")}
      </label>
    );
  return null;
}

function ImageResults({ hits }: { hits: SearchHit[] }) {
  const { t } = useTranslation("search");
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5" aria-label={t("page.matchingImages")}>
      {hits.map((h) => (
        <li key={h.id}>
          <Link to="/images/$imageId" params={{ imageId: h.id }} className="group block overflow-hidden rounded-xl border border-border bg-card focus-visible:ring-2 focus-visible:ring-ring">
            <img src={imageFileUrl(h.id)} alt="" loading="lazy" className="aspect-square w-full bg-muted object-cover transition-transform duration-200 group-hover:scale-[1.02] motion-reduce:group-hover:scale-100" />
            <span className="block p-2">
              <span className="line-clamp-2 text-sm">{h.title}</span>
              <span className="mt-1 block truncate font-mono text-xs text-muted-foreground">
                {h.subtitle}
                {h.matchedIn !== "prompt" && t("page.matched", { field: fieldLabel(t, h.matchedIn) })}
              </span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

function ListResults({ hits }: { hits: SearchHit[] }) {
  const { t } = useTranslation("search");
  return (
    <ul className="grid gap-2" aria-label={t("page.matches")}>
      {hits.map((h) => {
        const l = hitLink(h);
        const Icon = TYPE_LABELS[h.type].icon;
        return (
          <li key={h.id}>
            <Link {...(l as unknown as { to: "/prompts" })} className="flex items-start gap-3 rounded-xl border border-border bg-card p-3 hover:bg-surface focus-visible:ring-2 focus-visible:ring-ring pointer-coarse:min-h-11">
              <Icon className="mt-0.5 size-5 shrink-0 text-primary-strong" aria-hidden="true" />
              <span className="min-w-0">
                <span className="block font-medium">{h.title}</span>
                {h.subtitle && <span className="line-clamp-2 text-sm text-muted-foreground">{h.subtitle}</span>}
                {h.tags.length > 0 && <span className="mt-1 block truncate text-xs text-muted-foreground">{h.tags.map((tag) => `#${tag}`).join(" ")}</span>}
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

function ResultsSkeleton() {
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5" aria-hidden="true">
      {Array.from({ length: 10 }, (_, i) => (
        <Skeleton key={i} className="aspect-square rounded-xl" />
      ))}
    </div>
  );
}
