import { createFileRoute } from "@tanstack/react-router";
import { PromptsPage } from "@/features/prompts/prompts-page";
import { titled } from "@/app/page-title";

export const Route = createFileRoute("/_app/prompts")({
  head: titled("Prompts"),
  component: PromptsPage,
});
