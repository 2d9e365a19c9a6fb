import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Save, Trash2 } from "lucide-react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { fieldClasses, Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { cn } from "@/lib/cn";
import { batchKeys, deletePreset, presetsQuery, savePreset } from "@/lib/batch/batch-api";
import { type ComposeState, fromPreset, toPreset } from "../lib/compose";

/** Saved batch set-ups: load one into the form, save the current one, delete one. */
export function PresetsBar({ state, onLoad }: { state: ComposeState; onLoad: (s: ComposeState) => void }) {
  const { t } = useTranslation("batch");
  const ids = useId();
  const queryClient = useQueryClient();
  const presets = useQuery(presetsQuery());
  const [selected, setSelected] = useState("");
  const [name, setName] = useState("");
  const refresh = () => void queryClient.invalidateQueries({ queryKey: batchKeys.presets() });
  const save = useMutation({
    mutationFn: () => savePreset(name.trim(), toPreset(state)),
    onSuccess: (p) => {
      refresh();
      setName("");
      setSelected(p.id);
      toast.success(t("presets.saved", { name: p.name }));
    },
    onError: (e) => toast.error(e.message),
  });
  const remove = useMutation({
    mutationFn: deletePreset,
    onSuccess: () => {
      refresh();
      setSelected("");
    },
    onError: (e) => toast.error(e.message),
  });
  const list = presets.data ?? [];
  return (
    <div className="grid gap-3 rounded-xl border border-border bg-card p-4 sm:grid-cols-2">
      <div className="grid gap-2">
        <Label htmlFor={`${ids}-load`}>{t("presets.load")}</Label>
        <div className="flex gap-2">
          <select
            id={`${ids}-load`}
            className={cn(fieldClasses, "h-10 pointer-coarse:h-11")}
            value={selected}
            disabled={!list.length}
            onChange={(e) => {
              setSelected(e.target.value);
              const preset = list.find((p) => p.id === e.target.value);
              if (preset) onLoad(fromPreset(preset.config, state));
            }}
          >
            <option value="">{list.length ? t("presets.choose") : t("presets.none")}</option>
            {list.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          {selected && (
            <Button
              type="button"
              variant="outline"
              size="icon"
              aria-label={t("presets.delete")}
              onClick={() => remove.mutate(selected)}
              loading={remove.isPending}
            >
              <Trash2 aria-hidden="true" />
            </Button>
          )}
        </div>
      </div>
      <div className="grid gap-2">
        <Label htmlFor={`${ids}-save`}>{t("presets.saveAs")}</Label>
        <div className="flex gap-2">
          <Input
            id={`${ids}-save`}
            value={name}
            maxLength={120}
            onChange={(e) => setName(e.target.value)}
            placeholder={t("presets.name")}
          />
          <Button
            type="button"
            variant="outline"
            disabled={!name.trim()}
            loading={save.isPending}
            onClick={() => save.mutate()}
          >
            <Save aria-hidden="true" />
            {t("presets.save")}
          </Button>
        </div>
      </div>
    </div>
  );
}
