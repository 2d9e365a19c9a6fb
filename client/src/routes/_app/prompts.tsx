import { createFileRoute } from "@tanstack/react-router";
import { PromptsPage } from "@/features/prompts/prompts-page";
import { titledKey } from "@/app/page-title";

export const Route = createFileRoute("/_app/prompts")({
  staticData: { i18n: ["prompts"] },
  head: titledKey("prompts"),
  component: PromptsPage,
});
