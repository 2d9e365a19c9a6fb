import type * as React from "react";
import type { AspectRatio } from "@image-studio/shared";
import { RadioGroup as RadioPrimitive } from "radix-ui";
import { cn } from "@/lib/cn";
import { CUSTOM_RATIO } from "../lib/form";
import { useTranslation } from "react-i18next";
import { aspectRatioLabel } from "@/i18n/labels";

interface AspectRatioGridProps {
  labelledBy: string;
  ratios: AspectRatio[];
  allowCustom: boolean;
  value: string;
  onChange: (value: string) => void;
  invalid?: boolean;
}

export const optionClasses = cn(
  "flex cursor-pointer flex-col items-center justify-center gap-1 rounded-lg border border-border bg-background p-2 text-xs",
  "transition-[border-color,background-color,box-shadow] duration-200 ease-in-out hover:bg-muted",
  "data-[state=checked]:border-primary data-[state=checked]:bg-primary/10 data-[state=checked]:text-primary-strong data-[state=checked]:shadow-xs",
  "disabled:cursor-not-allowed disabled:opacity-50",
);

/** A shape preview scaled into a 28 px box. */
function Shape({ w, h }: { w: number; h: number }) {
  const k = 22 / Math.max(w, h);
  return (
    <span className="grid size-7 place-items-center" aria-hidden="true">
      <span className="rounded-[3px] border-2 border-current" style={{ width: Math.max(6, w * k), height: Math.max(6, h * k) }} />
    </span>
  );
}

export function AspectRatioGrid({ labelledBy, ratios, allowCustom, value, onChange, invalid }: AspectRatioGridProps) {
  const { t } = useTranslation("studio");
  return (
    <RadioPrimitive.Root
      aria-labelledby={labelledBy}
      aria-invalid={invalid || undefined}
      value={value}
      onValueChange={onChange}
      className="grid grid-cols-3 gap-2 sm:grid-cols-5 md:grid-cols-3"
    >
      {ratios.map((r) => (
        <RadioPrimitive.Item key={r.id} value={r.id} className={optionClasses} aria-label={`${r.id} ${aspectRatioLabel(t, r)}`}>
          <Shape w={r.width} h={r.height} />
          <span className="font-mono font-medium">{r.id}</span>
          <span className="truncate text-[0.7rem] text-muted-foreground">{aspectRatioLabel(t, r)}</span>
        </RadioPrimitive.Item>
      ))}
      {allowCustom && (
        <RadioPrimitive.Item value={CUSTOM_RATIO} className={optionClasses} aria-label={t("aspect.customSize")}>
          <span className="grid size-7 place-items-center" aria-hidden="true">
            <span className="size-5 rounded-[3px] border-2 border-dashed border-current" />
          </span>
          <span className="font-medium">{t("aspect.custom")}</span>
          <span className="text-[0.7rem] text-muted-foreground">{t("aspect.wh")}</span>
        </RadioPrimitive.Item>
      )}
    </RadioPrimitive.Root>
  );
}

/** A row of radio "chips" (size, image count, fixed-step options). */
export function ChipGroup<T extends string | number>({
  labelledBy,
  options,
  value,
  onChange,
  format = (v) => String(v),
  describe,
  className,
}: {
  labelledBy: string;
  options: readonly T[];
  value: T;
  onChange: (v: T) => void;
  format?: (v: T) => React.ReactNode;
  describe?: (v: T) => string;
  className?: string;
}) {
  return (
    <RadioPrimitive.Root
      aria-labelledby={labelledBy}
      value={String(value)}
      onValueChange={(v) => {
        const found = options.find((o) => String(o) === v);
        if (found !== undefined) onChange(found);
      }}
      className={cn("flex flex-wrap gap-2", className)}
    >
      {options.map((o) => (
        <RadioPrimitive.Item key={String(o)} value={String(o)} aria-label={describe?.(o)} className={cn(optionClasses, "min-w-11 flex-1 flex-row px-3 py-2 text-sm")}>
          {format(o)}
        </RadioPrimitive.Item>
      ))}
    </RadioPrimitive.Root>
  );
}
