import type { ImportResult, RetentionSettings } from "@image-studio/shared";
import { useQuery } from "@tanstack/react-query";
import { Download, Upload } from "lucide-react";
import { useRef, useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { fieldClasses } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";
import { formatNumber } from "@/i18n";
import { cn } from "@/lib/cn";
import { useOnline } from "../lib/use-online";
import { downloadArchive, retentionQuery, useImportArchive, useSaveRetention } from "../api/account-data";
import { Field, SettingsSection } from "./section";

/** Export everything as a ZIP; import such a ZIP (from here or another install) next to what you have. */
export function DataSection() {
  const { t } = useTranslation("settings");
  const online = useOnline();
  const [exporting, setExporting] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const imp = useImportArchive();
  const [result, setResult] = useState<ImportResult | null>(null);
  const exportAll = async () => {
    setExporting(true);
    try {
      await downloadArchive();
      toast.success(t("data.downloading"));
    } catch (err) {
      toast.error((err as Error).message);
    } finally {
      setExporting(false);
    }
  };
  return (
    <SettingsSection
      id="data"
      title={t("data.title")}
      description={t("data.description")}
    >
      {!online && <p className="text-sm text-muted-foreground">{t("data.offline")}</p>}
      <div className="flex flex-wrap gap-3">
        <Button onClick={() => void exportAll()} disabled={exporting || !online}>
          <Download aria-hidden="true" /> {exporting ? t("data.preparing") : t("data.export")}
        </Button>
        <Button variant="outline" onClick={() => input.current?.click()} disabled={imp.isPending || !online}>
          <Upload aria-hidden="true" /> {imp.isPending ? t("data.importing") : t("data.import")}
        </Button>
        <input
          ref={input}
          type="file"
          accept=".zip,application/zip"
          className="sr-only"
          tabIndex={-1}
          aria-label={t("data.archive")}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (!file) return;
            setResult(null);
            imp.mutate(file, {
              onSuccess: (r) => {
                setResult(r);
                toast.success(t("data.imported", { count: r.images }));
              },
              onError: (err) => toast.error(err.message),
            });
          }}
        />
      </div>
      {result && (
        <div role="status" className="rounded-xl border border-border bg-surface p-3 text-sm">
          <p>
            {t("data.summary", {
              images: formatNumber(result.images),
              projects: formatNumber(result.projects),
              collections: formatNumber(result.collections),
              prompts: formatNumber(result.prompts),
              presets: formatNumber(result.presets),
            })}
          </p>
          {result.skipped.length > 0 && (
            <details className="mt-2">
              <summary className="cursor-pointer">{t("data.skipped", { count: result.skipped.length })}</summary>
              <ul className="mt-1 list-disc pl-5 text-muted-foreground">
                {result.skipped.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
    </SettingsSection>
  );
}

function DaysSetting({ id, label, hint, value, onChange, disabled }: { id: string; label: string; hint: string; value: number | null; onChange: (v: number | null) => void; disabled: boolean }) {
  const { t } = useTranslation("settings");
  const [days, setDays] = useState(String(value ?? 30));
  const valid = /^\d+$/.test(days) && Number(days) >= 1 && Number(days) <= 3650;
  return (
    <Field id={id} label={label} hint={hint}>
      <div className="flex flex-wrap items-center gap-3">
        <Switch id={id} checked={value !== null} disabled={disabled || (!valid && value === null)} onCheckedChange={(on) => onChange(on ? Number(days) : null)} aria-describedby={`${id}-hint`} />
        <label className="flex items-center gap-2 text-sm">
          <Trans
            t={t}
            i18nKey="retention.afterDays"
            components={{
              input: (
                <input
                  type="number"
                  min={1}
                  max={3650}
                  inputMode="numeric"
                  aria-label={t("retention.daysLabel", { label })}
                  aria-invalid={!valid || undefined}
                  className={cn(fieldClasses, "h-9 w-24 font-mono pointer-coarse:h-11")}
                  value={days}
                  disabled={disabled}
                  onChange={(e) => setDays(e.target.value)}
                  onBlur={() => valid && value !== null && Number(days) !== value && onChange(Number(days))}
                />
              ),
            }}
          />
        </label>
      </div>
    </Field>
  );
}

/** Opt-in clean-up, run by the server every hour. */
export function RetentionSection() {
  const { t } = useTranslation("settings");
  const q = useQuery(retentionQuery);
  const save = useSaveRetention();
  const set = (patch: Partial<RetentionSettings>) =>
    save.mutate(patch, { onSuccess: () => toast.success(t("retention.saved")), onError: (err) => toast.error(err.message) });
  return (
    <SettingsSection id="retention" title={t("retention.title")} description={t("retention.description")}>
      {q.isPending ? (
        <Skeleton className="h-20 rounded-xl" />
      ) : q.isError ? (
        <p className="text-sm text-muted-foreground">{navigator.onLine ? t("retention.loadFailed") : t("retention.loadFailedOffline")}</p>
      ) : (
        <>
          <DaysSetting
            id="trash-retention"
            label={t("retention.trash")}
            hint={t("retention.trashHint")}
            value={q.data.trashAutoDeleteDays}
            disabled={save.isPending}
            onChange={(v) => set({ trashAutoDeleteDays: v })}
          />
          <DaysSetting
            id="draft-retention"
            label={t("retention.drafts")}
            hint={t("retention.draftsHint")}
            value={q.data.draftAutoDeleteDays}
            disabled={save.isPending}
            onChange={(v) => set({ draftAutoDeleteDays: v })}
          />
        </>
      )}
    </SettingsSection>
  );
}
