import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Trophy, Undo2 } from "lucide-react";
import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { modelsOptions } from "../api/iteration-api";
import { type AbSide, useAbTest } from "../hooks/use-ab-test";
import { CompareView } from "./compare-view";

/** Two prompts or two models with the same seed, side by side; keep the winner, send the other to the trash. */
export function AbTest() {
  const { t } = useTranslation("iteration");
  const models = useQuery(modelsOptions);
  const usable = (models.data ?? []).filter((m) => m.available && m.operations.includes("text-to-image"));
  const first = usable[0]?.id ?? "local/sketch";
  const [sides, setSides] = useState<[AbSide, AbSide]>([
    { prompt: "", modelId: "" },
    { prompt: "", modelId: "" },
  ]);
  const ab = useAbTest();
  const set = (i: 0 | 1, patch: Partial<AbSide>) =>
    setSides((s) => (i === 0 ? [{ ...s[0], ...patch }, s[1]] : [s[0], { ...s[1], ...patch }]));
  const run = () => {
    const prompt = sides[0].prompt.trim();
    void ab.start([
      { prompt, modelId: sides[0].modelId || first },
      { prompt: sides[1].prompt.trim() || prompt, modelId: sides[1].modelId || first },
    ]);
  };
  const { imageA: ai, imageB: bi, decision } = ab;

  return (
    <section aria-label={t("ab.label")} className="flex flex-col gap-4">
      <p className="text-sm text-muted-foreground">
        {t("ab.intro")}
      </p>
      <div className="grid gap-4 md:grid-cols-2">
        {([0, 1] as const).map((i) => (
          <div key={i} className="flex flex-col gap-2 rounded-lg border border-border p-3">
            <h3 className="font-semibold">{i === 0 ? "A" : "B"}</h3>
            <Label htmlFor={`ab-prompt-${i}`}>{i === 1 ? t("ab.promptB") : t("common.prompt")}</Label>
            <Textarea
              id={`ab-prompt-${i}`}
              rows={2}
              value={sides[i].prompt}
              onChange={(e) => set(i, { prompt: e.target.value })}
            />
            <Label htmlFor={`ab-model-${i}`}>{t("common.model")}</Label>
            <select
              id={`ab-model-${i}`}
              className="h-9 rounded-md border border-input bg-background px-2 text-sm"
              value={sides[i].modelId || first}
              onChange={(e) => set(i, { modelId: e.target.value })}
            >
              {usable.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.displayName}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button disabled={!sides[0].prompt.trim()} loading={ab.starting} onClick={run}>
          {t("ab.run")}
        </Button>
        {ab.seed !== undefined && (
          <span className="font-mono text-sm" aria-label={t("ab.sharedSeed")}>
            {t("ab.seed", { seed: ab.seed })}
          </span>
        )}
        {ab.jobs && !ab.failure && (!ai || !bi) && (
          <span role="status" className="text-sm text-muted-foreground">
            {t("ab.generating", { a: ab.a?.status ?? t("ab.pending"), b: ab.b?.status ?? t("ab.pending") })}
          </span>
        )}
        {ab.failure && (
          <span role="alert" className="text-sm text-destructive-strong">
            {t("ab.sideFailed", { reason: ab.failure })}
          </span>
        )}
      </div>
      {ai && bi && (
        <>
          <CompareView a={ai} b={bi} />
          {decision ? (
            <div role="status" className="flex flex-wrap items-center gap-3 rounded-lg bg-muted/60 p-3 text-sm">
              <Trophy className="size-4 text-primary-strong" aria-hidden="true" />
              <span>
                <Trans
                  t={t}
                  i18nKey="ab.kept"
                  values={{ label: decision.label, other: decision.label === "A" ? "B" : "A" }}
                  components={{
                    favorites: <Link to="/favorites" className="font-medium underline underline-offset-4" />,
                    trash: <Link to="/trash" className="font-medium underline underline-offset-4" />,
                  }}
                />
              </span>
              <Button variant="ghost" size="sm" onClick={() => void ab.undo()}>
                <Undo2 aria-hidden="true" /> {t("ab.undo")}
              </Button>
            </div>
          ) : (
            <div className="flex flex-wrap gap-2">
              <Button variant="outline" onClick={() => void ab.keep("A", ai, bi)}>
                <Trophy aria-hidden="true" /> {t("ab.keepA")}
              </Button>
              <Button variant="outline" onClick={() => void ab.keep("B", bi, ai)}>
                <Trophy aria-hidden="true" /> {t("ab.keepB")}
              </Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
