import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { History, Sparkles, WifiOff } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { useDebouncedValue } from "@/lib/use-debounced-value";
import { keepRateLabel, promptHistoryQuery } from "../api/prompt-insights";

const when = (iso: string) => new Date(iso).toLocaleDateString(undefined, { day: "numeric", month: "short", year: "numeric" });

/** Every prompt the user generated with: how often, when last, and how many of its images they kept. */
export function PromptHistory({ onSave }: { onSave: (text: string, negativePrompt: string) => void }) {
  const [q, setQ] = useState("");
  const query = useDebouncedValue(q.trim(), 250);
  const history = useQuery(promptHistoryQuery(query));
  return (
    <section aria-labelledby="history-heading" className="grid gap-4">
      <h2 id="history-heading" className="sr-only">
        Prompt history
      </h2>
      <Input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Search prompts you used" aria-label="Search prompt history" className="max-w-md" />
      {history.isPending ? (
        <div className="grid gap-2" aria-busy="true" aria-label="Loading history">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} className="h-16 rounded-xl" />
          ))}
        </div>
      ) : history.isError ? (
        <EmptyState icon={WifiOff} title="History needs a connection" description="Your saved prompts above work offline; the generation history is read from the server." />
      ) : history.data.length === 0 ? (
        <EmptyState icon={History} title={query ? "No prompt matches" : "No generations yet"} description={query ? "Try other words." : "Prompts you generate with appear here with their counts."} />
      ) : (
        <ul className="grid gap-2" aria-label="Prompts you used">
          {history.data.map((h) => (
            <li key={h.text} className="flex flex-col gap-2 rounded-xl border border-border bg-card p-3 sm:flex-row sm:items-center">
              <div className="min-w-0 flex-1">
                <p className="line-clamp-2 text-sm break-words">{h.text}</p>
                <p className="mt-1 text-xs text-muted-foreground">
                  {h.uses === 1 ? "Used once" : `Used ${h.uses} times`} · last {when(h.lastUsedAt)} · {keepRateLabel(h)} · <span className="font-mono">{h.modelId}</span>
                </p>
              </div>
              <div className="flex shrink-0 gap-2">
                <Button size="sm" variant="outline" onClick={() => onSave(h.text, h.negativePrompt)}>
                  Save<span className="sr-only"> to library: {h.text}</span>
                </Button>
                <Button asChild size="sm" variant="secondary">
                  <Link to="/studio" search={{ prompt: h.text, negativePrompt: h.negativePrompt || undefined, modelId: h.modelId }}>
                    <Sparkles aria-hidden="true" /> Use again<span className="sr-only">: {h.text}</span>
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
