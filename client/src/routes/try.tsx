import { createFileRoute, Link, useNavigate, useRouter } from "@tanstack/react-router";
import { Sparkles } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Spinner } from "@/components/ui/spinner";
import { authClient, authResult } from "@/lib/auth-client";
import { currentSession, refreshSession } from "@/lib/session";
import { titledKey } from "@/app/page-title";

/**
 * "Try demo": opens the studio on the local engine with a guest account (limited credits, no e-mail).
 * Signed-in visitors go straight to the studio.
 */
export const Route = createFileRoute("/try")({
  head: titledKey("try"),
  component: TryDemo,
});

function TryDemo() {
  const { t } = useTranslation("shell");
  const navigate = useNavigate();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const queryClient = router.options.context.queryClient;
    void (async () => {
      try {
        if (!(await currentSession(queryClient))) await authResult(authClient.signIn.anonymous());
        await refreshSession(queryClient);
        await navigate({ to: "/studio", search: { modelId: "local/sketch" } as never, replace: true });
      } catch (err) {
        setError(err instanceof Error ? err.message : t("try.failedFallback"));
      }
    })();
  }, [navigate, router, t]);

  return (
    <main id="main" className="grid min-h-dvh place-items-center bg-background p-6 text-foreground">
      {error ? (
        <EmptyState
          icon={Sparkles}
          title={t("try.failed")}
          description={error}
          action={
            <Button asChild>
              <Link to="/sign-up">{t("try.signUp")}</Link>
            </Button>
          }
        />
      ) : (
        <div role="status" className="flex flex-col items-center gap-3 text-muted-foreground">
          <Spinner />
          <p>{t("try.opening")}</p>
        </div>
      )}
    </main>
  );
}
