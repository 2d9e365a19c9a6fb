import { Check, ChevronsUpDown, CircleSlash } from "lucide-react";
import { useState } from "react";
import { LocalEngineBadge, isLocalModel } from "@/components/model/engine-label";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Command, CommandEmpty, CommandGroup, CommandInput, CommandItem, CommandList } from "@/components/ui/command";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { cn } from "@/lib/cn";
import type { ModelEntry } from "../api/models";
import { CapabilityBadges, costDescription, costLabel, Rating } from "./model-meta";
import { useTranslation } from "react-i18next";

const GROUPS: { title: "picker.flux" | "picker.sd" | "picker.more" | "picker.local"; match: (m: ModelEntry) => boolean }[] = [
  { title: "picker.flux", match: (m) => m.category === "flux" },
  { title: "picker.sd", match: (m) => m.category === "stable-diffusion" },
  { title: "picker.more", match: (m) => m.category !== "flux" && m.category !== "stable-diffusion" && m.category !== "local" },
  { title: "picker.local", match: (m) => m.category === "local" },
];

interface ModelPickerProps {
  id: string;
  models: ModelEntry[];
  value: string;
  onChange: (id: string) => void;
  invalid?: boolean;
  describedBy?: string;
}

/** Searchable model list with cost, speed and capabilities; unavailable models are listed, disabled, with the reason. */
export function ModelPicker({ id, models, value, onChange, invalid, describedBy }: ModelPickerProps) {
  const { t } = useTranslation("studio");
  const [open, setOpen] = useState(false);
  const selected = models.find((m) => m.id === value);
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <Button
          id={id}
          variant="outline"
          role="combobox"
          aria-expanded={open}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          className="h-auto w-full justify-between gap-3 px-3 py-2 text-left font-normal"
        >
          {selected ? (
            <span className="grid min-w-0 gap-1">
              <span className="flex flex-wrap items-center gap-2">
                <span className="truncate font-medium">{selected.displayName}</span>
                <span className="font-mono text-xs text-muted-foreground">{costLabel(selected, t)}</span>
              </span>
              {isLocalModel(selected.id) && <LocalEngineBadge modelId={selected.id} />}
              {!selected.available && <span className="text-xs text-destructive-strong">{t("picker.unavailable", { reason: selected.unavailableReason ?? "" })}</span>}
            </span>
          ) : (
            <span className="text-muted-foreground">{t("picker.pick")}</span>
          )}
          <ChevronsUpDown className="size-4 text-muted-foreground" aria-hidden="true" />
        </Button>
      </PopoverTrigger>
      <PopoverContent className="w-[min(28rem,calc(100vw-2rem))] p-0" align="start">
        <Command label={t("picker.models")} loop>
          <CommandInput placeholder={t("picker.search")} aria-label={t("picker.searchLabel")} />
          <CommandList className="max-h-[min(420px,60dvh)]">
            <CommandEmpty>{t("picker.empty")}</CommandEmpty>
            {GROUPS.map((g) => {
              const items = models.filter(g.match);
              if (!items.length) return null;
              return (
                <CommandGroup key={g.title} heading={t(g.title)}>
                  {items.map((m) => (
                    <CommandItem
                      key={m.id}
                      value={`${m.displayName} ${m.id} ${m.bestFor.join(" ")}`}
                      disabled={!m.available}
                      onSelect={() => {
                        onChange(m.id);
                        setOpen(false);
                      }}
                      className="items-start gap-3 py-2.5 data-[disabled=true]:opacity-100"
                    >
                      {m.available ? (
                        <Check className={cn("mt-0.5 size-4", m.id === value ? "text-primary-strong opacity-100" : "opacity-0")} aria-hidden="true" />
                      ) : (
                        <CircleSlash className="mt-0.5 size-4" aria-hidden="true" />
                      )}
                      <ModelOption model={m} />
                    </CommandItem>
                  ))}
                </CommandGroup>
              );
            })}
          </CommandList>
        </Command>
      </PopoverContent>
    </Popover>
  );
}

function ModelOption({ model }: { model: ModelEntry }) {
  const { t } = useTranslation("studio");
  return (
    <span className="grid min-w-0 flex-1 gap-1">
      <span className="flex items-center justify-between gap-2">
        <span className={cn("font-medium", !model.available && "text-muted-foreground")}>{model.displayName}</span>
        <Badge variant={model.pricing.credits === 0 ? "success" : "outline"} className="font-mono" title={costDescription(model, t)}>
          {costLabel(model, t)}
        </Badge>
      </span>
      {isLocalModel(model.id) && <LocalEngineBadge modelId={model.id} />}
      <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <Rating label={t("meta.speed")} value={model.speed} />
        <Rating label={t("meta.quality")} value={model.quality} />
      </span>
      <CapabilityBadges model={model} />
      {!model.available && <span className="text-xs text-destructive-strong">{t("picker.unavailable", { reason: model.unavailableReason ?? t("picker.notAvailable") })}</span>}
    </span>
  );
}
