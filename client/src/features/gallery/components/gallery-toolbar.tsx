import type { ImageSort } from "@image-studio/shared";
import { Columns3, LayoutGrid, List, ListChecks, Search, SlidersHorizontal, X } from "lucide-react";
import { useEffect, useEffectEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { cn } from "@/lib/cn";
import type { GalleryMode, ViewMode } from "../search";

const SORTS: { value: string; label: string; sort: ImageSort; order: "asc" | "desc" }[] = [
  { value: "date-desc", label: "Newest first", sort: "date", order: "desc" },
  { value: "date-asc", label: "Oldest first", sort: "date", order: "asc" },
  { value: "rating-desc", label: "Highest rated", sort: "rating", order: "desc" },
  { value: "prompt-asc", label: "Prompt A–Z", sort: "prompt", order: "asc" },
  { value: "prompt-desc", label: "Prompt Z–A", sort: "prompt", order: "desc" },
  { value: "model-asc", label: "Model", sort: "model", order: "asc" },
];
const TRASH_SORTS = [{ value: "deleted-desc", label: "Recently deleted", sort: "deleted" as const, order: "desc" as const }, ...SORTS];

const VIEWS: { value: ViewMode; label: string; icon: typeof LayoutGrid }[] = [
  { value: "grid", label: "Grid", icon: LayoutGrid },
  { value: "masonry", label: "Masonry", icon: Columns3 },
  { value: "list", label: "List", icon: List },
];

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
export function GalleryToolbar(p: ToolbarProps) {
  const [text, setText] = useState(p.q);
  const [shown, setShown] = useState(p.q);
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
  const sorts = p.mode === "trash" ? TRASH_SORTS : SORTS;
  return (
    <div className="mb-4 flex flex-wrap items-center gap-2">
      <Button variant="outline" onClick={p.onToggleFilters} aria-expanded={p.filtersOpen} aria-controls="gallery-filters" className="relative">
        <SlidersHorizontal aria-hidden="true" />
        <span>Filters</span>
        {p.filterCount > 0 && (
          <span className="ml-1 rounded-full bg-primary-solid px-1.5 text-xs font-semibold text-primary-foreground" aria-label={`${p.filterCount} active`}>
            {p.filterCount}
          </span>
        )}
      </Button>
      <form role="search" className="relative min-w-48 flex-1" onSubmit={(e) => (e.preventDefault(), p.onSearch(text.trim()))}>
        <label htmlFor="gallery-search" className="sr-only">
          Search prompts, tags and models
        </label>
        <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden="true" />
        <Input id="gallery-search" type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="Search prompts, tags, models…" className="pr-8 pl-9" />
        {text && (
          <button type="button" className="absolute top-1/2 right-2 -translate-y-1/2 rounded p-1 text-muted-foreground hover:text-foreground" aria-label="Clear search" onClick={() => (setText(""), p.onSearch(""))}>
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
      >
        <SelectTrigger className="w-44" aria-label="Sort by">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          {sorts.map((s) => (
            <SelectItem key={s.value} value={s.value}>
              {s.label}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      <div role="radiogroup" aria-label="View" className="flex rounded-lg border border-border p-0.5">
        {VIEWS.map(({ value, label, icon: Icon }) => (
          <button
            key={value}
            type="button"
            role="radio"
            aria-checked={p.view === value}
            aria-label={label}
            title={label}
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
      <Button variant="ghost" size="icon" onClick={p.onSelectAll} aria-label="Select all loaded images" title="Select all (Ctrl/⌘ A)">
        <ListChecks aria-hidden="true" />
      </Button>
    </div>
  );
}
