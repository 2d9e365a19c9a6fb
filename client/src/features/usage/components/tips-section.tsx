import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { Lightbulb } from "lucide-react";
import type { MouseEvent } from "react";
import { useTranslation } from "react-i18next";
import { Skeleton } from "@/components/ui/skeleton";
import { tipsQuery } from "../api";
import { fmt, LoadError, Section } from "./section";

/** Tips computed on the server from the user's own last 30 days. */
export function TipsSection() {
  const { t } = useTranslation("usage");
  const q = useQuery(tipsQuery);
  const navigate = useNavigate();
  // In-app links: a section of this page scrolls into view; another page opens without reloading the app.
  const follow = (e: MouseEvent, link: string) => {
    e.preventDefault();
    const [path, hash] = link.split("#");
    if (hash && path === window.location.pathname) {
      const target = document.getElementById(hash);
      target?.scrollIntoView({ behavior: "smooth", block: "start" });
      target?.querySelector<HTMLElement>("input, button")?.focus({ preventScroll: true });
      return;
    }
    void navigate({ to: path as "/studio", hash });
  };
  return (
    <Section title={t("tips.title")} description={t("tips.description")} busy={q.isPending}>
      {q.isPending && <Skeleton className="h-16 w-full" />}
      {q.isError && <LoadError error={q.error} />}
      {q.data && !q.data.items.length && <p className="text-sm text-muted-foreground">{t("tips.empty")}</p>}
      {!!q.data?.items.length && (
        <ul className="grid gap-3">
          {q.data.items.map((tip) => (
            <li key={tip.id} className="flex gap-3 rounded-lg bg-muted/60 p-3">
              <Lightbulb className="mt-0.5 size-4 shrink-0 text-warning-strong" aria-hidden="true" />
              <div className="min-w-0 text-sm">
                <p className="font-medium">{tip.title}</p>
                <p className="text-muted-foreground">{tip.body}</p>
                {tip.savesPerMonth ? (
                  <p className="mt-1 font-mono text-xs text-success-strong">
                    {t("tips.saves", { n: fmt(tip.savesPerMonth) })}
                  </p>
                ) : null}
                {tip.link && (
                  <a
                    href={tip.link}
                    onClick={(e) => follow(e, tip.link!)}
                    className="mt-1 inline-block rounded-sm text-primary-strong underline-offset-4 hover:underline"
                  >
                    {tip.link.startsWith("/studio") ? t("tips.openStudio") : t("tips.showMe")}
                  </a>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
