import { useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { History } from "lucide-react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
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
  const { t } = useTranslation("usage");
  const queryClient = useQueryClient();
  useEffect(() => {
    if (checkout === "success") {
      toast.success(t("page.checkoutSuccess"));
      for (const queryKey of BALANCE_KEYS) void queryClient.invalidateQueries({ queryKey: [...queryKey] });
    } else if (checkout === "cancelled") toast.info(t("page.checkoutCancelled"));
  }, [checkout, queryClient, t]);
  return (
    <>
      <PageHeader
        title={t("page.title")}
        description={t("page.description")}
        actions={
          <Button asChild variant="outline" size="sm">
            <Link to="/usage/history">
              <History className="size-4" aria-hidden="true" />
              {t("history.title")}
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
