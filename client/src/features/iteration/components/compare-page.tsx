import { useNavigate } from "@tanstack/react-router";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { AbTest } from "./ab-test";
import { CompareView } from "./compare-view";
import { ImagePicker } from "./image-picker";

/** /compare?a=&b= — any two of your images, plus the A/B test. */
export function ComparePage({ a, b }: { a?: string; b?: string }) {
  const navigate = useNavigate();
  const pick = (key: "a" | "b", id: string) =>
    void navigate({ to: "/compare", search: (s: { a?: string; b?: string }) => ({ ...s, [key]: id }), replace: true });
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-bold tracking-tight">Compare</h1>
      <Tabs defaultValue="compare" className="flex flex-col gap-4">
        <TabsList>
          <TabsTrigger value="compare">Two images</TabsTrigger>
          <TabsTrigger value="ab">A/B test</TabsTrigger>
        </TabsList>
        <TabsContent value="compare" className="flex flex-col gap-4">
          <div className="grid gap-3 md:grid-cols-2">
            <ImagePicker label="Image A" value={a} onPick={(id) => pick("a", id)} />
            <ImagePicker label="Image B" value={b} onPick={(id) => pick("b", id)} />
          </div>
          {a && b ? (
            <CompareView a={a} b={b} />
          ) : (
            <p className="text-sm text-muted-foreground">Pick two images to compare.</p>
          )}
        </TabsContent>
        <TabsContent value="ab">
          <AbTest />
        </TabsContent>
      </Tabs>
    </div>
  );
}
