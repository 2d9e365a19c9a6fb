import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { History, Sparkles, WifiOff } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDate } from "@/i18n";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { useDebouncedValue } from "@/lib/use-debounced-value";
import { keepRateLabel, promptHistoryQuery } from "../api/prompt-insights";

const when = (iso: string) => formatDate(iso, { day: "numeric", month: "short", year: "numeric" });

/** Every prompt the user generated with: how often, when last, and how many of its images they kept. */
export function PromptHistory({ onSave }: { onSave: (text: string, negativePrompt: string) => void }) {
  const { t } = useTranslation("prompts");
  const [q, setQ] = useState("");
  const query = useDebouncedValue(q.trim(), 250);
  const history = useQuery(promptHistoryQuery(query));
  return (
    <section aria-labelledby="history-heading" className="grid gap-4">
      <h2 id="history-heading" className="sr-only">
        {t("history.heading")}
      </h2>
      <Input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t("history.placeholder")} aria-label={t("history.search")} className="max-w-md" />
      {history.isPending ? (
        <div className="grid gap-2" aria-busy="true" aria-label={t("history.loading")}>
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} className="h-16 rounded-xl" />
          ))}
        </div>
      ) : history.isError ? (
        <EmptyState icon={WifiOff} title={t("history.offline")} description={t("history.offlineDescription")} />
      ) : history.data.length === 0 ? (
        <EmptyState icon={History} title={query ? t("history.noMatch") : t("history.empty")} description={query ? t("history.noMatchHint") : t("history.emptyHint")} />
      ) : (
        <ul className="grid gap-2" aria-label={t("history.list")}>
          {history.data.map((h) => (
            <li key={h.text} className="flex flex-col gap-2 rounded-xl border border-border bg-card p-3 sm:flex-row sm:items-center">
              <div className="min-w-0 flex-1">
                <p className="line-clamp-2 text-sm break-words">{h.text}</p>
                <p className="mt-1 text-xs text-muted-foreground">
                  {h.uses === 1 ? t("usage.once") : t("usage.used", { count: h.uses })} · {t("history.last", { date: when(h.lastUsedAt) })} · {keepRateLabel(h)} · <span className="font-mono">{h.modelId}</span>
                </p>
              </div>
              <div className="flex shrink-0 gap-2">
                <Button size="sm" variant="outline" onClick={() => onSave(h.text, h.negativePrompt)}>
                  {t("history.save")}<span className="sr-only">{t("history.saveSr", { text: h.text })}</span>
                </Button>
                <Button asChild size="sm" variant="secondary">
                  <Link to="/studio" search={{ prompt: h.text, negativePrompt: h.negativePrompt || undefined, modelId: h.modelId }}>
                    <Sparkles aria-hidden="true" /> {t("history.use")}<span className="sr-only">{t("history.useSr", { text: h.text })}</span>
                  </Link>
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
