import type { CreditLimits, CreditLimitsInput } from "@image-studio/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
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
  const q = useQuery(limitsQuery);
  return (
    <Section
      id="limits"
      title="Limits and alerts"
      description="New jobs stop at the monthly limit; the alert tells you (in the app, and by mail if you allow it) when your balance runs low."
      busy={q.isPending}
    >
      {q.isError && <LoadError error={q.error} />}
      {/* Remounted when the saved values change, so the fields start from them. */}
      <LimitsFields key={`${q.data?.monthlyLimit}:${q.data?.lowBalanceAlert}`} data={q.data} pending={q.isPending} />
    </Section>
  );
}

function LimitsFields({ data: d, pending }: { data: CreditLimits | undefined; pending: boolean }) {
  const queryClient = useQueryClient();
  const [limit, setLimit] = useState(toField(d?.monthlyLimit));
  const [alert, setAlert] = useState(toField(d?.lowBalanceAlert));
  const [errors, setErrors] = useState<{ monthlyLimit?: string; lowBalanceAlert?: string }>({});
  const save = useMutation({
    mutationFn: (input: CreditLimitsInput) => saveLimits(input),
    onSuccess: (data) => {
      queryClient.setQueryData(limitsQuery.queryKey, data);
      void queryClient.invalidateQueries({ queryKey: usageKeys.all });
      toast.success("Limits saved");
    },
    onError: (err) => {
      if (err instanceof ApiError && err.code === "VALIDATION_FAILED") setErrors(err.fieldErrors());
      else toast.error("Couldn't save the limits", { description: err.message });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const monthlyLimit = parse(limit);
    const lowBalanceAlert = parse(alert);
    const next: typeof errors = {};
    if (monthlyLimit === "invalid")
      next.monthlyLimit = "Use a whole number of credits, at least 1 — or leave it empty for no limit.";
    if (lowBalanceAlert === "invalid")
      next.lowBalanceAlert = "Use a whole number of credits, at least 1 — or leave it empty for no alert.";
    setErrors(next);
    if (monthlyLimit === "invalid" || lowBalanceAlert === "invalid") return;
    save.mutate({ monthlyLimit, lowBalanceAlert });
  };
  return (
    <form onSubmit={submit} noValidate className="grid gap-4 sm:grid-cols-2">
      <div className="grid gap-1.5">
        <Label htmlFor="monthly-limit">Monthly spending limit (credits)</Label>
        <Input
          id="monthly-limit"
          inputMode="numeric"
          placeholder="No limit"
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
                ? `${fmt(d.spentThisMonth)} spent, ${fmt(d.remainingThisMonth ?? 0)} left this month.`
                : `${fmt(d.spentThisMonth)} spent this month.`
              : " ")}
        </p>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="low-balance">Low-balance alert below (credits)</Label>
        <Input
          id="low-balance"
          inputMode="numeric"
          placeholder="No alert"
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
          {errors.lowBalanceAlert ?? "Leave empty for no alert."}
        </p>
      </div>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={save.isPending || pending} aria-busy={save.isPending || undefined}>
          Save limits
        </Button>
      </div>
    </form>
  );
}
