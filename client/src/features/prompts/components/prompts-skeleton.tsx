import { useTranslation } from "react-i18next";
import { Skeleton } from "@/components/ui/skeleton";

/** Placeholder cards while the device's database opens. */
export function PromptsSkeleton() {
  const { t } = useTranslation("prompts");
  return (
    <div aria-busy="true" data-testid="prompts-loading">
      <span className="sr-only">{t("loading")}</span>
      <Skeleton className="mb-5 h-9 w-full" />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {[0, 1, 2].map((n) => (
          <div key={n} className="grid gap-3 rounded-xl border border-border p-4">
            <Skeleton className="h-5 w-2/3" />
            <Skeleton className="h-16" />
            <Skeleton className="h-4 w-1/3" />
          </div>
        ))}
      </div>
    </div>
  );
}
