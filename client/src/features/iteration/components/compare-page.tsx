import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { ArrowLeftRight, Columns2 } from "lucide-react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { AbTest } from "./ab-test";
import { CompareView } from "./compare-view";
import { ImagePicker, recentImagesOptions } from "./image-picker";

/** /compare?a=&b= — any two of your images (picked from your latest ones), plus the A/B test. */
export function ComparePage({ a, b }: { a?: string; b?: string }) {
  const { t } = useTranslation("iteration");
  const navigate = useNavigate();
  const recent = useQuery(recentImagesOptions);
  const latest = recent.data?.items ?? [];
  const choose = (next: { a?: string; b?: string }) =>
    void navigate({ to: "/compare", search: (s: { a?: string; b?: string }) => ({ ...s, ...next }), replace: true });
  // Offer the two newest images (or the newest besides the one already chosen) in one click.
  const suggestion =
    a && !b
      ? latest.find((img) => img.id !== a)?.id
      : !a && b
        ? latest.find((img) => img.id !== b)?.id
        : undefined;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-bold tracking-tight">{t("compare.title")}</h1>
      <Tabs defaultValue="compare" className="flex flex-col gap-4">
        <TabsList>
          <TabsTrigger value="compare">{t("compare.twoImages")}</TabsTrigger>
          <TabsTrigger value="ab">{t("compare.abTest")}</TabsTrigger>
        </TabsList>
        <TabsContent value="compare" className="flex flex-col gap-4">
          <div className="grid gap-3 md:grid-cols-2">
            <ImagePicker label={t("compare.imageA")} value={a} exclude={b} onPick={(id) => choose({ a: id })} />
            <ImagePicker label={t("compare.imageB")} value={b} exclude={a} onPick={(id) => choose({ b: id })} />
          </div>
          {a && b ? (
            <>
              <Button variant="outline" size="sm" className="self-start" onClick={() => choose({ a: b, b: a })}>
                <ArrowLeftRight aria-hidden="true" /> {t("compare.swap")}
              </Button>
              <CompareView a={a} b={b} />
            </>
          ) : (
            <div className="flex flex-wrap items-center gap-3 rounded-lg border border-dashed border-border p-4">
              <p className="text-sm text-muted-foreground">
                {a || b ? t("compare.pickOther") : t("compare.pickBoth")}
              </p>
              {!a && !b && latest.length >= 2 && (
                <Button size="sm" onClick={() => choose({ a: latest[1]!.id, b: latest[0]!.id })}>
                  <Columns2 aria-hidden="true" /> {t("compare.twoLatest")}
                </Button>
              )}
              {suggestion && (
                <Button size="sm" onClick={() => choose(a ? { b: suggestion } : { a: suggestion })}>
                  <Columns2 aria-hidden="true" /> {t("compare.withLatest")}
                </Button>
              )}
            </div>
          )}
        </TabsContent>
        <TabsContent value="ab">
          <AbTest />
        </TabsContent>
      </Tabs>
    </div>
  );
}
