import type { CreditLimits, CreditLimitsInput } from "@image-studio/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { ApiError } from "@/lib/api";
import { limitsQuery, saveLimits, usageKeys } from "../api";
import { fmt, LoadError, Section } from "./section";

const toField = (n: number | null | undefined) => (n === null || n === undefined ? "" : String(n));

function parse(value: string): number | null | "invalid" {
  const v = value.trim();
  if (!v) return null;
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 ? n : "invalid";
}

/** The monthly spending limit and the low-balance alert; empty = none. */
export function LimitsForm() {
  const { t } = useTranslation("usage");
  const q = useQuery(limitsQuery);
  return (
    <Section id="limits" title={t("limits.title")} description={t("limits.description")} busy={q.isPending}>
      {q.isError && <LoadError error={q.error} />}
      {/* Remounted when the saved values change, so the fields start from them. */}
      <LimitsFields key={`${q.data?.monthlyLimit}:${q.data?.lowBalanceAlert}`} data={q.data} pending={q.isPending} />
    </Section>
  );
}

function LimitsFields({ data: d, pending }: { data: CreditLimits | undefined; pending: boolean }) {
  const { t } = useTranslation("usage");
  const queryClient = useQueryClient();
  const [limit, setLimit] = useState(toField(d?.monthlyLimit));
  const [alert, setAlert] = useState(toField(d?.lowBalanceAlert));
  const [errors, setErrors] = useState<{ monthlyLimit?: string; lowBalanceAlert?: string }>({});
  const save = useMutation({
    mutationFn: (input: CreditLimitsInput) => saveLimits(input),
    onSuccess: (data) => {
      queryClient.setQueryData(limitsQuery.queryKey, data);
      void queryClient.invalidateQueries({ queryKey: usageKeys.all });
      toast.success(t("limits.saved"));
    },
    onError: (err) => {
      if (err instanceof ApiError && err.code === "VALIDATION_FAILED") setErrors(err.fieldErrors());
      else toast.error(t("limits.saveFailed"), { description: err.message });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const monthlyLimit = parse(limit);
    const lowBalanceAlert = parse(alert);
    const next: typeof errors = {};
    if (monthlyLimit === "invalid") next.monthlyLimit = t("limits.invalidLimit");
    if (lowBalanceAlert === "invalid") next.lowBalanceAlert = t("limits.invalidAlert");
    setErrors(next);
    if (monthlyLimit === "invalid" || lowBalanceAlert === "invalid") return;
    save.mutate({ monthlyLimit, lowBalanceAlert });
  };
  return (
    <form onSubmit={submit} noValidate className="grid gap-4 sm:grid-cols-2">
      <div className="grid gap-1.5">
        <Label htmlFor="monthly-limit">{t("limits.monthly")}</Label>
        <Input
          id="monthly-limit"
          inputMode="numeric"
          placeholder={t("limits.noLimit")}
          value={limit}
          onChange={(e) => setLimit(e.target.value)}
          aria-invalid={!!errors.monthlyLimit}
          aria-describedby="monthly-limit-help"
          className="font-mono"
        />
        <p
          id="monthly-limit-help"
          className={errors.monthlyLimit ? "text-xs text-destructive-strong" : "text-xs text-muted-foreground"}
        >
          {errors.monthlyLimit ??
            (d
              ? d.monthlyLimit !== null
                ? t("limits.spentLeft", { spent: fmt(d.spentThisMonth), left: fmt(d.remainingThisMonth ?? 0) })
                : t("limits.spent", { spent: fmt(d.spentThisMonth) })
              : " ")}
        </p>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="low-balance">{t("limits.lowBalance")}</Label>
        <Input
          id="low-balance"
          inputMode="numeric"
          placeholder={t("limits.noAlert")}
          value={alert}
          onChange={(e) => setAlert(e.target.value)}
          aria-invalid={!!errors.lowBalanceAlert}
          aria-describedby="low-balance-help"
          className="font-mono"
        />
        <p
          id="low-balance-help"
          className={errors.lowBalanceAlert ? "text-xs text-destructive-strong" : "text-xs text-muted-foreground"}
        >
          {errors.lowBalanceAlert ?? t("limits.lowBalanceHint")}
        </p>
      </div>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={save.isPending || pending} aria-busy={save.isPending || undefined}>
          {t("limits.save")}
        </Button>
      </div>
    </form>
  );
}
