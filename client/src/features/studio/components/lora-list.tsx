import type { LoraWeight } from "@image-studio/shared";
import { Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useTranslation } from "react-i18next";

/** LoRA add-ons as rows of { path (https URL or Hugging Face repo), scale }. */
export function LoraList({ id, value, max, onChange }: { id: string; value: LoraWeight[]; max: number; onChange: (v: LoraWeight[]) => void }) {
  const { t } = useTranslation("studio");
  const update = (i: number, patch: Partial<LoraWeight>) => onChange(value.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  return (
    <div className="grid gap-2" role="group" aria-labelledby={`${id}-label`}>
      {value.map((lora, i) => (
        <div key={i} className="flex items-center gap-2">
          <Input
            aria-label={t("lora.path", { n: i + 1 })}
            placeholder={t("lora.pathPlaceholder")}
            value={lora.path}
            onChange={(e) => update(i, { path: e.target.value.trim() })}
            className="h-8 min-w-0 flex-1 font-mono text-xs md:text-xs"
          />
          <Input
            aria-label={t("lora.scale", { n: i + 1 })}
            inputMode="decimal"
            value={String(lora.scale)}
            onChange={(e) => {
              const n = Number(e.target.value);
              if (Number.isFinite(n)) update(i, { scale: n });
            }}
            className="h-8 w-16 text-right font-mono text-xs md:text-xs"
          />
          <Button type="button" variant="ghost" size="icon" className="size-8" aria-label={t("lora.remove", { n: i + 1 })} onClick={() => onChange(value.filter((_, j) => j !== i))}>
            <Trash2 aria-hidden="true" />
          </Button>
        </div>
      ))}
      <Button type="button" variant="outline" size="sm" className="justify-self-start" disabled={value.length >= max} onClick={() => onChange([...value, { path: "", scale: 1 }])}>
        <Plus aria-hidden="true" />
        {t("lora.add")} {value.length >= max && <span className="text-xs">{t("lora.max", { max })}</span>}
      </Button>
    </div>
  );
}
