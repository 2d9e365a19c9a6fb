import { redeemCodeSchema } from "@image-studio/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { BALANCE_KEYS } from "@/lib/jobs/use-balance-follows-jobs";
import { offersQuery, redeemCode, startCheckout } from "../api";
import { fmt, Section } from "./section";

/** Redeem a code; buy a credit pack when this install takes payments (Stripe configured). */
export function GetCredits() {
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
        toast.info(`You already redeemed ${r.code}`, { description: `Your balance is ${fmt(r.balance)} credits.` });
      else
        toast.success(`${fmt(r.amount)} credits added`, {
          description: `Your balance is now ${fmt(r.balance)} credits.`,
        });
    },
    onError: (err) => setError(err.message),
  });
  const checkout = useMutation({
    mutationFn: startCheckout,
    onSuccess: ({ url }) => window.location.assign(url),
    onError: (err) => toast.error("Couldn't open the checkout", { description: err.message }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = redeemCodeSchema.safeParse({ code });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Check the code");
    redeem.mutate(parsed.data.code);
  };
  return (
    <Section id="get-credits" title="Get credits" description="Redeem a code from an administrator or a promotion.">
      <form onSubmit={submit} noValidate className="flex flex-wrap items-start gap-2">
        <div className="grid min-w-0 flex-1 gap-1.5">
          <Label htmlFor="redeem-code">Code</Label>
          <Input
            id="redeem-code"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            placeholder="ABCD-EFGH-JKLM"
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
          Redeem
        </Button>
      </form>
      {offers.data?.checkout && (
        <div className="mt-5 border-t border-border pt-4">
          <h3 className="text-sm font-medium">Buy credits</h3>
          <p className="text-sm text-muted-foreground">
            Paid securely on Stripe; the credits arrive as soon as the payment clears.
          </p>
          <ul className="mt-3 grid gap-2 sm:grid-cols-3">
            {offers.data.packs.map((p) => (
              <li key={p.id}>
                <Button
                  variant="outline"
                  className="h-auto w-full flex-col py-3"
                  disabled={checkout.isPending}
                  onClick={() => checkout.mutate(p.id)}
                >
                  <span className="font-mono text-base font-semibold">{fmt(p.credits)} credits</span>
                  <span className="text-xs text-muted-foreground">US${(p.priceCents / 100).toFixed(2)}</span>
                </Button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Section>
  );
}
