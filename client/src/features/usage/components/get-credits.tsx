import { redeemCodeSchema } from "@image-studio/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { formatNumber } from "@/i18n";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { BALANCE_KEYS } from "@/lib/jobs/use-balance-follows-jobs";
import { offersQuery, redeemCode, startCheckout } from "../api";
import { fmt, Section } from "./section";

const TWO_DECIMALS = { minimumFractionDigits: 2, maximumFractionDigits: 2 } as const;

/** Redeem a code; buy a credit pack when this install takes payments (Stripe configured). */
export function GetCredits() {
  const { t } = useTranslation("usage");
  const queryClient = useQueryClient();
  const offers = useQuery(offersQuery);
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const refresh = () =>
    Promise.all(BALANCE_KEYS.map((queryKey) => queryClient.invalidateQueries({ queryKey: [...queryKey] })));
  const redeem = useMutation({
    mutationFn: redeemCode,
    onSuccess: async (r) => {
      setCode("");
      setError(null);
      await refresh();
      if (r.alreadyRedeemed)
        toast.info(t("credits.alreadyRedeemed", { code: r.code }), {
          description: t("credits.balance", { count: r.balance, n: fmt(r.balance) }),
        });
      else
        toast.success(t("credits.added", { count: r.amount, n: fmt(r.amount) }), {
          description: t("credits.balanceNow", { count: r.balance, n: fmt(r.balance) }),
        });
    },
    onError: (err) => setError(err.message),
  });
  const checkout = useMutation({
    mutationFn: startCheckout,
    onSuccess: ({ url }) => window.location.assign(url),
    onError: (err) => toast.error(t("credits.checkoutFailed"), { description: err.message }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = redeemCodeSchema.safeParse({ code });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? t("credits.checkCode"));
    redeem.mutate(parsed.data.code);
  };
  return (
    <Section id="get-credits" title={t("credits.title")} description={t("credits.description")}>
      <form onSubmit={submit} noValidate className="flex flex-wrap items-start gap-2">
        <div className="grid min-w-0 flex-1 gap-1.5">
          <Label htmlFor="redeem-code">{t("credits.code")}</Label>
          <Input
            id="redeem-code"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            placeholder={t("credits.codePlaceholder")}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            className="font-mono uppercase"
            aria-invalid={!!error}
            aria-describedby={error ? "redeem-error" : undefined}
          />
          {error && (
            <p id="redeem-error" role="alert" className="text-xs text-destructive-strong">
              {error}
            </p>
          )}
        </div>
        <Button type="submit" className="mt-6" disabled={redeem.isPending} aria-busy={redeem.isPending || undefined}>
          {t("credits.redeem")}
        </Button>
      </form>
      {offers.data?.checkout && (
        <div className="mt-5 border-t border-border pt-4">
          <h3 className="text-sm font-medium">{t("credits.buy")}</h3>
          <p className="text-sm text-muted-foreground">{t("credits.buyHint")}</p>
          <ul className="mt-3 grid gap-2 sm:grid-cols-3">
            {offers.data.packs.map((p) => (
              <li key={p.id}>
                <Button
                  variant="outline"
                  className="h-auto w-full flex-col py-3"
                  disabled={checkout.isPending}
                  onClick={() => checkout.mutate(p.id)}
                >
                  <span className="font-mono text-base font-semibold">{t("credits.pack", { n: fmt(p.credits) })}</span>
                  <span className="text-xs text-muted-foreground">
                    {t("credits.price", { price: formatNumber(p.priceCents / 100, TWO_DECIMALS) })}
                  </span>
                </Button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Section>
  );
}
