import { Search, Star } from "lucide-react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { cn } from "@/lib/cn";
import { PROMPT_SORTS, type PromptFilter, type PromptSort } from "../lib/filter";

interface PromptToolbarProps {
  filter: PromptFilter;
  onChange: (next: PromptFilter) => void;
  categories: string[];
}

const chip = (active: boolean) =>
  cn(
    "inline-flex h-8 shrink-0 cursor-pointer items-center gap-1.5 rounded-full border px-3 text-sm transition-colors",
    active
      ? "border-primary-solid bg-primary-solid text-primary-foreground"
      : "border-border bg-background text-foreground hover:bg-muted",
  );

/** Search, favourites, sort and the category chips above the prompt grid. */
export function PromptToolbar({ filter, onChange, categories }: PromptToolbarProps) {
  const { t } = useTranslation("prompts");
  const set = (patch: Partial<PromptFilter>) => onChange({ ...filter, ...patch });
  return (
    <div className="mb-5 grid gap-3">
      <div className="flex flex-wrap items-end gap-2">
        <div className="relative min-w-0 flex-[1_1_16rem]">
          <Label htmlFor="prompt-search" className="sr-only">
            {t("toolbar.search")}
          </Label>
          <Search
            className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground"
            aria-hidden="true"
          />
          <Input
            id="prompt-search"
            type="search"
            placeholder={t("toolbar.placeholder")}
            value={filter.q}
            onChange={(e) => set({ q: e.target.value })}
            className="pl-9"
          />
        </div>
        <Button
          variant="outline"
          aria-pressed={filter.favoritesOnly}
          onClick={() => set({ favoritesOnly: !filter.favoritesOnly })}
          className={cn(filter.favoritesOnly && "border-warning-strong")}
        >
          <Star
            className={cn(filter.favoritesOnly ? "fill-warning text-warning-strong" : "text-muted-foreground")}
            aria-hidden="true"
          />
          {t("toolbar.favorites")}
        </Button>
        <div className="flex items-center gap-2">
          <Label htmlFor="prompt-sort" className="text-sm whitespace-nowrap text-muted-foreground">
            {t("toolbar.sortBy")}
          </Label>
          <Select value={filter.sort} onValueChange={(v) => set({ sort: v as PromptSort })}>
            <SelectTrigger id="prompt-sort" className="w-40">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {PROMPT_SORTS.map((s) => (
                <SelectItem key={s} value={s}>
                  {t(`toolbar.sorts.${s}`)}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
      </div>
      {categories.length > 0 && (
        <div role="group" aria-label={t("toolbar.category")} className="-mx-1 flex gap-2 overflow-x-auto px-1 py-1">
          <button
            type="button"
            aria-pressed={filter.category === null}
            className={chip(filter.category === null)}
            onClick={() => set({ category: null })}
          >
            {t("toolbar.all")}
          </button>
          {categories.map((c) => (
            <button
              key={c}
              type="button"
              aria-pressed={filter.category === c}
              className={chip(filter.category === c)}
              onClick={() => set({ category: filter.category === c ? null : c })}
            >
              {c}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
