import type { ImageSort } from "@image-studio/shared";
import { Columns3, LayoutGrid, List, ListChecks, Search, SlidersHorizontal, X } from "@/components/ui/icons";
import { memo, useEffect, useEffectEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue, useSelectItemsOnFirstUse } from "@/components/ui/select";
import { cn } from "@/lib/cn";
import type { GalleryMode, ViewMode } from "../search";

const SORTS = [
  { value: "date-desc", label: "toolbar.sort.newest", sort: "date", order: "desc" },
  { value: "date-asc", label: "toolbar.sort.oldest", sort: "date", order: "asc" },
  { value: "rating-desc", label: "toolbar.sort.rating", sort: "rating", order: "desc" },
  { value: "prompt-asc", label: "toolbar.sort.promptAsc", sort: "prompt", order: "asc" },
  { value: "prompt-desc", label: "toolbar.sort.promptDesc", sort: "prompt", order: "desc" },
  { value: "model-asc", label: "toolbar.sort.model", sort: "model", order: "asc" },
] as const satisfies readonly { value: string; label: string; sort: ImageSort; order: "asc" | "desc" }[];
const TRASH_SORTS = [{ value: "deleted-desc", label: "toolbar.sort.deleted", sort: "deleted", order: "desc" } as const, ...SORTS];
type Sort = (typeof TRASH_SORTS)[number];

const VIEWS = [
  { value: "grid", label: "toolbar.view.grid", icon: LayoutGrid },
  { value: "masonry", label: "toolbar.view.masonry", icon: Columns3 },
  { value: "list", label: "toolbar.view.list", icon: List },
] as const satisfies readonly { value: ViewMode; label: string; icon: typeof LayoutGrid }[];

interface ToolbarProps {
  mode: GalleryMode;
  q: string;
  sort: ImageSort;
  order: "asc" | "desc";
  view: ViewMode;
  filtersOpen: boolean;
  filterCount: number;
  onSearch: (q: string) => void;
  onSort: (sort: ImageSort, order: "asc" | "desc") => void;
  onView: (view: ViewMode) => void;
  onToggleFilters: () => void;
  onSelectAll: () => void;
}

/** Search, sort, view toggle and the filter button above the gallery. */
export const GalleryToolbar = memo(function GalleryToolbar(p: ToolbarProps) {
  const { t } = useTranslation("gallery");
  const [text, setText] = useState(p.q);
  const [shown, setShown] = useState(p.q);
  // The sort menu's items mount on first use, not with the page (its first commit); the trigger names the order.
  const sortItems = useSelectItemsOnFirstUse();
  if (shown !== p.q) {
    // The URL changed under us (back button, "clear filters"): show what it says.
    setShown(p.q);
    setText(p.q);
  }
  const search = useEffectEvent((value: string) => {
    if (value !== p.q) p.onSearch(value);
  });
  useEffect(() => {
    const id = window.setTimeout(() => search(text.trim()), 300);
    return () => window.clearTimeout(id);
  }, [text]);
  const sorts: readonly Sort[] = p.mode === "trash" ? TRASH_SORTS : SORTS;
  // Named here rather than left to the select (which finds it once mounted): the prerendered frame shows it too.
  const current = sorts.find((s) => s.value === `${p.sort}-${p.order}`);
  return (
    <div className="mb-4 flex flex-wrap items-center gap-2">
      <Button variant="outline" onClick={p.onToggleFilters} aria-expanded={p.filtersOpen} aria-controls="gallery-filters" className="relative">
        <SlidersHorizontal aria-hidden="true" />
        <span>{t("toolbar.filters")}</span>
        {p.filterCount > 0 && (
          <span className="ml-1 rounded-full bg-primary-solid px-1.5 text-xs font-semibold text-primary-foreground" aria-label={t("toolbar.active", { count: p.filterCount })}>
            {p.filterCount}
          </span>
        )}
      </Button>
      <form role="search" className="relative min-w-48 flex-1" onSubmit={(e) => (e.preventDefault(), p.onSearch(text.trim()))}>
        <label htmlFor="gallery-search" className="sr-only">
          {t("toolbar.searchLabel")}
        </label>
        <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden="true" />
        <Input id="gallery-search" type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder={t("toolbar.searchPlaceholder")} className="pr-8 pl-9" />
        {text && (
          <button type="button" className="absolute top-1/2 right-2 -translate-y-1/2 rounded p-1 text-muted-foreground hover:text-foreground" aria-label={t("toolbar.clearSearch")} onClick={() => (setText(""), p.onSearch(""))}>
            <X className="size-4" aria-hidden="true" />
          </button>
        )}
      </form>
      <Select
        value={`${p.sort}-${p.order}`}
        onValueChange={(v) => {
          const s = sorts.find((x) => x.value === v);
          if (s) p.onSort(s.sort, s.order);
        }}
        onOpenChange={sortItems.onOpenChange}
      >
        <SelectTrigger className="w-44" aria-label={t("toolbar.sortBy")} {...sortItems.trigger}>
          <SelectValue>{current ? t(current.label) : undefined}</SelectValue>
        </SelectTrigger>
        {sortItems.mounted && (
          <SelectContent>
            {sorts.map((s) => (
              <SelectItem key={s.value} value={s.value}>
                {t(s.label)}
              </SelectItem>
            ))}
          </SelectContent>
        )}
      </Select>
      <div role="radiogroup" aria-label={t("toolbar.view.label")} className="flex rounded-lg border border-border p-0.5">
        {VIEWS.map(({ value, label, icon: Icon }) => (
          <button
            key={value}
            type="button"
            role="radio"
            aria-checked={p.view === value}
            aria-label={t(label)}
            title={t(label)}
            onClick={() => p.onView(value)}
            className={cn(
              "grid size-8 pointer-coarse:size-11 place-items-center rounded-md text-muted-foreground transition-colors duration-200 hover:text-foreground",
              p.view === value && "bg-primary/15 text-primary-strong",
            )}
          >
            <Icon className="size-4" aria-hidden="true" />
          </button>
        ))}
      </div>
      <Button variant="ghost" size="icon" onClick={p.onSelectAll} aria-label={t("toolbar.selectAll")} title={t("toolbar.selectAllHint")}>
        <ListChecks aria-hidden="true" />
      </Button>
    </div>
  );
});
