import { useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { History } from "lucide-react";
import { useEffect } from "react";
import { toast } from "sonner";
import { PageHeader } from "@/app/shell/page-header";
import { Button } from "@/components/ui/button";
import { BALANCE_KEYS } from "@/lib/jobs/use-balance-follows-jobs";
import { ByModelSection, ByProjectSection, CompareSection } from "./breakdowns";
import { GetCredits } from "./get-credits";
import { LimitsForm } from "./limits-form";
import { TipsSection } from "./tips-section";
import { UsageChartsSection } from "./usage-charts-section";
import { UsageSummary } from "./usage-summary";

/** /usage: balance and spending, charts, breakdowns, cost comparison, tips, limits and getting credits. */
export function UsagePage({ checkout }: { checkout?: "success" | "cancelled" }) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (checkout === "success") {
      toast.success("Thank you! Your credits arrive as soon as the payment clears.");
      for (const queryKey of BALANCE_KEYS) void queryClient.invalidateQueries({ queryKey: [...queryKey] });
    } else if (checkout === "cancelled") toast.info("Checkout cancelled: nothing was charged.");
  }, [checkout, queryClient]);
  return (
    <>
      <PageHeader
        title="Usage & credits"
        description="What you spent, on what, and how to spend less."
        actions={
          <Button asChild variant="outline" size="sm">
            <Link to="/usage/history">
              <History className="size-4" aria-hidden="true" />
              Credit history
            </Link>
          </Button>
        }
      />
      <div className="grid gap-4">
        <UsageSummary />
        <UsageChartsSection />
        <div className="grid gap-4 lg:grid-cols-2">
          <ByModelSection />
          <ByProjectSection />
        </div>
        <div className="grid gap-4 lg:grid-cols-2">
          <CompareSection />
          <TipsSection />
        </div>
        <div className="grid gap-4 lg:grid-cols-2">
          <LimitsForm />
          <GetCredits />
        </div>
      </div>
    </>
  );
}
