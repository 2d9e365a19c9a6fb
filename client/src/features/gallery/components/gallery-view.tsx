import type { ImageSort } from "@image-studio/shared";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type ReactNode, useCallback, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle } from "@/components/ui/sheet";
import { formatNumber } from "@/i18n";
import { useGalleryShortcuts } from "@/lib/shortcuts";
import { imageListOptions } from "../api/queries";
import { useGalleryHandlers } from "../hooks/use-gallery-handlers";
import { useMediaQuery } from "@/lib/use-media-query";
import { useSelection } from "../hooks/use-selection";
import { activeFilterCount, type GalleryMode, type GallerySearch, toListQuery, type ViewMode } from "../search";
import { BulkToolbar } from "./bulk-toolbar";
import { GalleryDialogs } from "./gallery-dialogs";
import { GalleryLightbox } from "./gallery-lightbox";
import { FILTER_PANEL_CLASS, GalleryEmpty, GalleryError, GallerySkeleton } from "./gallery-states";
import { GalleryToolbar } from "./gallery-toolbar";
import { SelectedPanel } from "./selected-panel";
import { FilterPanel } from "./filter-sidebar";
import { VirtualGrid } from "./virtual-grid";
import { VirtualList } from "./virtual-list";

const FILTERS_KEY = "gallery-filters-open";
const VIEW_KEY = "gallery-view";

export interface GalleryViewProps {
  mode: GalleryMode;
  search: GallerySearch;
  onSearchChange: (patch: Partial<GallerySearch>) => void;
  /** Shown above the toolbar's right end (e.g. "Empty trash"). */
  extra?: ReactNode;
}

/** A gallery view — all images, favourites or trash — with filters, search, sort, views, selection and viewer. */
export function GalleryView({ mode, search, onSearchChange, extra }: GalleryViewProps) {
  const { t } = useTranslation("gallery");
  const desktop = useMediaQuery("(min-width: 1024px)");
  const tablet = useMediaQuery("(min-width: 768px)");
  const [filtersOpen, setFiltersOpen] = useState(() => localStorage.getItem(FILTERS_KEY) !== "0");
  const [sheetOpen, setSheetOpen] = useState(false);
  const [preview, setPreview] = useState(-1);
  const view: ViewMode = search.view ?? (localStorage.getItem(VIEW_KEY) as ViewMode | null) ?? "grid";
  const query = useMemo(() => toListQuery(search, mode), [search, mode]);
  const list = useInfiniteQuery(imageListOptions(query));
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const ids = useMemo(() => items.map((i) => i.id), [items]);
  const selection = useSelection(ids);
  const h = useGalleryHandlers(items, selection, setPreview);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const navigate = useNavigate();
  // Keyboard: j/k and arrows move, Enter opens, x selects, f favourites, 1–5 rate, Delete trashes (undo), i iterates.
  useGalleryShortcuts(
    {
      count: items.length,
      onOpen: setPreview,
      onSelect: (i) => selection.select(i, { toggle: true }),
      onFavorite: (i) => h.cb.onFavorite(items[i]!),
      onRate: (i, rating) => mode !== "trash" && h.actions.rate.mutate({ id: items[i]!.id, rating }),
      onDelete: (i) => (mode === "trash" ? h.cb.onPurge(items[i]!) : h.cb.onTrash(items[i]!)),
      onIterate: (i) => void navigate({ to: "/images/$imageId", params: { imageId: items[i]!.id } }),
    },
    preview < 0,
  );
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const filterCount = activeFilterCount(search) + (search.q ? 1 : 0);
  // The toolbar and the filter panel are memoised and get callbacks of one identity (reading the latest search
  // through a ref): while you scroll, every page of images that arrives re-renders this view, not them.
  const latest = useRef({ search, onSearchChange, desktop });
  useLayoutEffect(() => {
    latest.current = { search, onSearchChange, desktop };
  });
  const change = useCallback((patch: Partial<GallerySearch>) => latest.current.onSearchChange(patch), []);
  const clear = useCallback(() => {
    const { search: s, onSearchChange: set } = latest.current;
    set(Object.fromEntries(Object.keys(s).filter((k) => k !== "view" && k !== "sort" && k !== "order").map((k) => [k, undefined])));
  }, []);
  const toggleFilters = useCallback(() => {
    if (!latest.current.desktop) return setSheetOpen((o) => !o);
    setFiltersOpen((o) => {
      localStorage.setItem(FILTERS_KEY, o ? "0" : "1");
      return !o;
    });
  }, []);
  const onSearch = useCallback((q: string) => change({ q: q || undefined }), [change]);
  const onSort = useCallback((sort: ImageSort, order: "asc" | "desc") => change({ sort, order }), [change]);
  const onView = useCallback(
    (v: ViewMode) => {
      localStorage.setItem(VIEW_KEY, v);
      change({ view: v });
    },
    [change],
  );
  const panel = <FilterPanel mode={mode} search={search} onChange={change} onClear={clear} />;
  // One image selected on a tablet or larger: its details in a panel beside the grid.
  const single = tablet && selection.count === 1 ? items.findIndex((i) => i.id === selection.selected[0]) : -1;
  const viewProps = { items, mode, selection, cb: h.cb, hasMore: Boolean(hasNextPage), loadMore };

  return (
    <>
      <div className="flex items-start gap-4 lg:gap-6">
        {/* The selected image's panel takes the filters' place while it is open. */}
        {desktop && filtersOpen && single < 0 && (
          <aside id="gallery-filters" aria-label={t("filters.title")} className={FILTER_PANEL_CLASS}>
            {panel}
          </aside>
        )}
        <div className="min-w-0 flex-1">
          {extra}
          <GalleryToolbar
            mode={mode}
            q={search.q ?? ""}
            sort={query.sort ?? "date"}
            order={search.order ?? "desc"}
            view={view}
            filtersOpen={desktop ? filtersOpen : sheetOpen}
            filterCount={filterCount}
            onSearch={onSearch}
            onSort={onSort}
            onView={onView}
            onToggleFilters={toggleFilters}
            onSelectAll={selection.selectAll}
          />
          {list.isPending ? (
            <GallerySkeleton />
          ) : list.isError ? (
            <GalleryError message={list.error.message} onRetry={() => void list.refetch()} />
          ) : items.length === 0 ? (
            <GalleryEmpty mode={mode} filtered={filterCount > 0} onClear={clear} />
          ) : view === "list" ? (
            <VirtualList {...viewProps} />
          ) : (
            <VirtualGrid {...viewProps} masonry={view === "masonry"} />
          )}
          {isFetchingNextPage && <p className="py-6 text-center text-sm text-muted-foreground" role="status">{t("view.loadingMore")}</p>}
          {!hasNextPage && items.length > 60 && <p className="py-8 text-center text-sm text-muted-foreground">{t("view.allLoaded", { count: items.length, n: formatNumber(items.length) })}</p>}
          <div className={selection.count ? "h-24" : undefined} />
        </div>
        {single >= 0 && <SelectedPanel image={items[single]!} onView={() => setPreview(single)} onClear={selection.clear} />}
      </div>
      {!desktop && (
        <Sheet open={sheetOpen} onOpenChange={setSheetOpen}>
          <SheetContent side="left" className="w-80 overflow-y-auto p-4">
            <SheetHeader className="sr-only">
              <SheetTitle>{t("filters.title")}</SheetTitle>
              <SheetDescription>{t("filters.sheetDescription")}</SheetDescription>
            </SheetHeader>
            {panel}
          </SheetContent>
        </Sheet>
      )}
      <BulkToolbar ids={selection.selected} mode={mode} h={h.bulk} />
      <GalleryDialogs h={h} count={selection.count} ids={selection.selected} onDone={selection.clear} />
      <GalleryLightbox items={items} index={preview} onIndex={setPreview} actions={h.actions} mode={mode} onNearEnd={loadMore} />
    </>
  );
}
