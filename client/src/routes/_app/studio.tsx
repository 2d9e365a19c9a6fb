import { createFileRoute } from "@tanstack/react-router";
import { IterateSlotContext } from "@/components/image/iterate-slot";
import { tileIterate } from "@/features/iteration/components/tile-iterate";
import { StudioPage } from "@/features/studio/components/studio-page";
import { studioSearchSchema } from "@/features/studio/lib/prefill";
import { titledKey } from "@/app/page-title";

export const Route = createFileRoute("/_app/studio")({
  staticData: { i18n: ["iteration", "studio"] },
  head: titledKey("generate"),
  validateSearch: studioSearchSchema,
  component: StudioRoute,
});

function StudioRoute() {
  return (
    <IterateSlotContext value={tileIterate}>
      <StudioPage search={Route.useSearch()} />
    </IterateSlotContext>
  );
}
