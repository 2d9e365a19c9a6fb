import type { MeResponse } from "@image-studio/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Check, Circle, X } from "lucide-react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { call, rpc } from "@/lib/rpc";
import { isStandalone, useInstallState } from "@/lib/install";
import { sessionKeys } from "@/lib/session";
import { useLive } from "@/lib/use-offline";
import { savedGalleries } from "@/offline";

export const CHECKLIST_STEP = "dashboardChecklist";

interface Step {
  id: string;
  label: string;
  done: boolean;
  to: "/studio" | "/projects" | "/gallery" | "/settings";
  action: string;
}

/**
 * The welcome checklist for new users: first image, first project, install the app, make something available
 * offline. Dismissing it is remembered on the account (onboarding state), so it stays away on every device.
 */
export function Onboarding({ images, projects }: { images: number; projects: number }) {
  const { t } = useTranslation("dashboard");
  const queryClient = useQueryClient();
  const install = useInstallState();
  const saved = useLive(() => savedGalleries().then((s) => s.length), [], 0);
  const dismiss = useMutation({
    mutationFn: () => call(rpc.account.onboarding.$put({ json: { step: CHECKLIST_STEP, done: true } })),
    onSuccess: ({ onboardingState }) => {
      queryClient.setQueryData<MeResponse | null>(sessionKeys.me, (me) =>
        me ? { ...me, user: { ...me.user, onboardingState } } : me,
      );
    },
    onError: (err) => toast.error(t("onboarding.hideFailed"), { description: err.message }),
  });
  const steps: Step[] = [
    { id: "image", label: t("onboarding.image"), done: images > 0, to: "/studio", action: t("onboarding.imageAction") },
    {
      id: "project",
      label: t("onboarding.project"),
      done: projects > 0,
      to: "/projects",
      action: t("onboarding.projectAction"),
    },
    {
      id: "install",
      label: t("onboarding.install"),
      done: install === "installed" || isStandalone(),
      to: "/settings",
      action: t("onboarding.installAction"),
    },
    {
      id: "offline",
      label: t("onboarding.offline"),
      done: saved > 0,
      to: "/gallery",
      action: t("onboarding.offlineAction"),
    },
  ];
  const done = steps.filter((s) => s.done).length;
  return (
    <section
      aria-labelledby="welcome-title"
      className="relative rounded-xl border border-primary/30 bg-gradient-to-br from-primary/10 to-accent/10 p-4 sm:p-5"
    >
      <Button
        variant="ghost"
        size="icon"
        className="absolute right-2 top-2"
        aria-label={t("onboarding.dismiss")}
        onClick={() => dismiss.mutate()}
        disabled={dismiss.isPending}
      >
        <X className="size-4" aria-hidden="true" />
      </Button>
      <h2 id="welcome-title" className="pr-10 font-semibold">
        {t("onboarding.title")}
      </h2>
      <p className="text-sm text-muted-foreground">{t("onboarding.progress", { done, total: steps.length })}</p>
      <ol className="mt-3 grid gap-2 sm:grid-cols-2">
        {steps.map((s) => (
          <li key={s.id} className="flex items-center gap-2 rounded-lg bg-card/80 p-2 text-sm">
            {s.done ? (
              <Check className="size-4 shrink-0 text-success-strong" aria-hidden="true" />
            ) : (
              <Circle className="size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
            )}
            <span className={s.done ? "text-muted-foreground line-through" : "font-medium"}>
              {s.label}
              <span className="sr-only">{s.done ? t("onboarding.stepDone") : t("onboarding.stepToDo")}</span>
            </span>
            {!s.done && (
              <Link
                to={s.to}
                className="ml-auto shrink-0 rounded-sm text-xs text-primary-strong underline-offset-4 hover:underline"
              >
                {s.action}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
