import { IMAGE_ASPECTS, type ImageAspect } from "@image-studio/shared";
import { useQuery } from "@tanstack/react-query";
import { Star } from "@/components/ui/icons";
import { memo } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import { cn } from "@/lib/cn";
import { facetsOptions } from "../api/queries";
import type { GalleryMode, GallerySearch } from "../search";
import { FilterSection as Section } from "./filter-section";
import { shortModel } from "./format";

const ANY = "__any";
/** Shapes with a name; the ratios ("16:9") read the same in every language. */
const ASPECT_NAMES: Partial<Record<ImageAspect, "filters.aspect.square" | "filters.aspect.landscape" | "filters.aspect.portrait">> = {
  square: "filters.aspect.square",
  landscape: "filters.aspect.landscape",
  portrait: "filters.aspect.portrait",
};
const RESOLUTIONS = [
  { value: "0.25", label: "filters.resolution.small" },
  { value: "1", label: "filters.resolution.medium" },
  { value: "4", label: "filters.resolution.large" },
] as const;

function toggle(list: string[] | undefined, value: string): string[] | undefined {
  const next = list?.includes(value) ? list.filter((v) => v !== value) : [...(list ?? []), value];
  return next.length ? next : undefined;
}

interface FilterSidebarProps {
  mode: GalleryMode;
  search: GallerySearch;
  onChange: (patch: Partial<GallerySearch>) => void;
  onClear: () => void;
}

/** Every filter of the gallery. Choices come from the user's own images (models and tags they have used). */
export const FilterPanel = memo(function FilterPanel({ mode, search, onChange, onClear }: FilterSidebarProps) {
  const { t } = useTranslation("gallery");
  const { data: facets } = useQuery(facetsOptions());
  const aspectLabel = (a: ImageAspect) => {
    const key = ASPECT_NAMES[a];
    return key ? t(key) : a;
  };
  const select = (id: string, label: string, value: string | undefined, options: { value: string; label: string }[], set: (v: string | undefined) => void) => (
    <div className="grid gap-1">
      <Label htmlFor={id} className="text-xs font-normal text-muted-foreground">
        {label}
      </Label>
      <Select value={value ?? ANY} onValueChange={(v) => set(v === ANY ? undefined : v)}>
        <SelectTrigger id={id} size="sm">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={ANY}>{t("filters.any")}</SelectItem>
          {options.map((o) => (
            <SelectItem key={o.value} value={o.value}>
              {o.label}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
    </div>
  );
  // Built here, outside the markup: their ids and values are not text.
  const projectSelect = select("filter-project", t("filters.project"), search.projectId, [{ value: "none", label: t("filters.noProject") }, ...(facets?.projects ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.count})` }))], (v) =>
            onChange({ projectId: v }),
          );
  const collectionSelect = select("filter-collection", t("filters.collection"), search.collectionId, (facets?.collections ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.count})` })), (v) =>
            onChange({ collectionId: v }),
          );
  const aspectSelect = select("filter-aspect", t("filters.aspectRatio"), search.aspect, IMAGE_ASPECTS.map((a) => ({ value: a, label: aspectLabel(a) })), (v) => onChange({ aspect: v as ImageAspect | undefined }));
  const resolutionSelect = select("filter-resolution", t("filters.resolution.label"), search.minMegapixels?.toString(), RESOLUTIONS.map((r) => ({ value: r.value, label: t(r.label) })), (v) => onChange({ minMegapixels: v ? Number(v) : undefined }));
  const mediaSelect = select(
          "filter-media",
          t("filters.media"),
          search.media,
          [
            { value: "image", label: t("filters.images") },
            { value: "video", label: t("filters.videos") },
          ],
          (v) => onChange({ media: v as "image" | "video" | undefined }),
        );
  const parentSelect = select(
          "filter-parent",
          t("filters.madeFrom"),
          search.hasParent === undefined ? undefined : String(search.hasParent),
          [
            { value: "false", label: t("filters.fromPrompt") },
            { value: "true", label: t("filters.fromImage") },
          ],
          (v) => onChange({ hasParent: v === undefined ? undefined : v === "true" }),
        );
  return (
    <div className="flex flex-col gap-4 text-sm">
      <div className="flex items-center justify-between">
        <h2 className="font-semibold">{t("filters.title")}</h2>
        <Button variant="link" size="sm" className="h-auto px-0" onClick={onClear}>
          {t("filters.clearAll")}
        </Button>
      </div>
      {mode === "all" && (
        <div className="flex items-center justify-between gap-2">
          <Label htmlFor="filter-favorites">{t("filters.favouritesOnly")}</Label>
          <Switch id="filter-favorites" checked={search.favorite === true} onCheckedChange={(c) => onChange({ favorite: c ? true : undefined })} />
        </div>
      )}
      <Section title={t("filters.model")}>
        {facets?.models.length ? (
          <ul className="flex flex-col gap-1.5">
            {facets.models.map((m) => (
              <li key={m.modelId} className="flex items-center gap-2">
                <Checkbox id={`model-${m.modelId}`} checked={search.models?.includes(m.modelId) ?? false} onCheckedChange={() => onChange({ models: toggle(search.models, m.modelId) })} />
                <Label htmlFor={`model-${m.modelId}`} className="min-w-0 flex-1 truncate font-normal" title={m.modelId}>
                  {shortModel(m.modelId)}
                </Label>
                <span className="font-mono text-xs text-muted-foreground">{m.count}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-xs text-muted-foreground">{t("filters.noModels")}</p>
        )}
      </Section>
      <Section title={t("filters.tags")}>
        {facets?.tags.length ? (
          <div className="flex max-h-40 flex-wrap gap-1.5 overflow-y-auto">
            {facets.tags.map((f) => {
              const on = search.tags?.includes(f.tag) ?? false;
              return (
                <button
                  key={f.tag}
                  type="button"
                  aria-pressed={on}
                  onClick={() => onChange({ tags: toggle(search.tags, f.tag) })}
                  className={cn(
                    "rounded-md border px-2 py-0.5 text-xs transition-colors duration-200",
                    on ? "border-primary bg-primary/15 text-primary-strong" : "border-border text-foreground hover:bg-muted",
                  )}
                >
                  {f.tag} <span className="text-muted-foreground">{f.count}</span>
                </button>
              );
            })}
          </div>
        ) : (
          <p className="text-xs text-muted-foreground">{t("filters.noTags")}</p>
        )}
      </Section>
      <Section title={t("filters.projectAndCollection")} collapsible active={search.projectId !== undefined || search.collectionId !== undefined}>
        <div className="flex flex-col gap-2">
          {projectSelect}
          {collectionSelect}
        </div>
      </Section>
      <Section title={t("filters.shapeAndSize")} collapsible active={search.aspect !== undefined || search.minMegapixels !== undefined}>
        <div className="flex flex-col gap-2">
          {aspectSelect}
          {resolutionSelect}
        </div>
      </Section>
      <Section title={t("filters.rating")}>
        <div className="flex items-center gap-1" role="radiogroup" aria-label={t("filters.minRating")}>
          {[1, 2, 3, 4, 5].map((n) => (
            <button
              key={n}
              type="button"
              role="radio"
              aria-checked={search.minRating === n}
              aria-label={t("filters.starsOrMore", { count: n })}
              onClick={() => onChange({ minRating: search.minRating === n ? undefined : n })}
              className="rounded p-0.5"
            >
              <Star className={cn("size-5", (search.minRating ?? 0) >= n ? "fill-warning text-warning" : "text-muted-foreground")} aria-hidden="true" />
            </button>
          ))}
        </div>
      </Section>
      <Section title={t("filters.type")} collapsible active={search.media !== undefined}>
        {mediaSelect}
      </Section>
      <Section title={t("filters.origin")} collapsible active={search.hasParent !== undefined}>
        {parentSelect}
      </Section>
      <Section title={t("filters.date")} collapsible active={search.from !== undefined || search.to !== undefined}>
        <div className="grid grid-cols-2 gap-2">
          <div>
            <Label htmlFor="filter-from" className="text-xs font-normal text-muted-foreground">
              {t("filters.from")}
            </Label>
            <Input id="filter-from" type="date" value={search.from ?? ""} onChange={(e) => onChange({ from: e.target.value || undefined })} className="h-8 px-2 text-xs" />
          </div>
          <div>
            <Label htmlFor="filter-to" className="text-xs font-normal text-muted-foreground">
              {t("filters.to")}
            </Label>
            <Input id="filter-to" type="date" value={search.to ?? ""} onChange={(e) => onChange({ to: e.target.value || undefined })} className="h-8 px-2 text-xs" />
          </div>
        </div>
      </Section>
    </div>
  );
});
