import { Link, type ErrorComponentProps } from "@tanstack/react-router";
import { Compass, TriangleAlert } from "lucide-react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export function NotFoundPage() {
  const { t } = useTranslation("shell");
  return (
    <main id="main" className="grid min-h-dvh place-items-center bg-background p-6 text-foreground">
      <EmptyState
        icon={Compass}
        title={t("errors.notFound.title")}
        description={t("errors.notFound.description")}
        action={
          <Button asChild>
            <Link to="/dashboard">{t("errors.notFound.back")}</Link>
          </Button>
        }
      />
    </main>
  );
}

export function ErrorPage({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation("shell");
  return (
    <main id="main" role="alert" className="grid min-h-dvh place-items-center bg-background p-6 text-foreground">
      <EmptyState
        icon={TriangleAlert}
        title={t("errors.generic.title")}
        description={error instanceof Error ? error.message : t("errors.generic.description")}
        action={<Button onClick={reset}>{t("errors.generic.retry")}</Button>}
      />
    </main>
  );
}
