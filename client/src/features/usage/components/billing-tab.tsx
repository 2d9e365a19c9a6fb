import { Link } from "@tanstack/react-router";
import { BarChart3, ReceiptText } from "lucide-react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { GetCredits } from "./get-credits";
import { LimitsForm } from "./limits-form";

/** Settings → Billing: get credits, spending limit and alerts, and the way to the usage pages. */
export function BillingTab() {
  const { t } = useTranslation("usage");
  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap gap-2">
        <Button asChild variant="outline">
          <Link to="/usage">
            <BarChart3 aria-hidden="true" /> {t("billing.usage")}
          </Link>
        </Button>
        <Button asChild variant="outline">
          <Link to="/usage/history">
            <ReceiptText aria-hidden="true" /> {t("billing.history")}
          </Link>
        </Button>
      </div>
      <GetCredits />
      <LimitsForm />
    </div>
  );
}
