import { findModel } from "@image-studio/shared";
import { Shapes } from "lucide-react";
import { useTranslation } from "react-i18next";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/cn";


export const isLocalModel = (modelId: string) => modelId.startsWith("local/") || findModel(modelId)?.provider === "local";

export const modelName = (modelId: string) => findModel(modelId)?.displayName ?? modelId;

/** The honest label for local-engine output; renders nothing for AI models. */
export function LocalEngineBadge({ modelId, className }: { modelId: string; className?: string }) {
  const { t } = useTranslation("common");
  if (!isLocalModel(modelId)) return null;
  return (
    <Badge variant="warning" className={cn("gap-1", className)}>
      <Shapes aria-hidden="true" />
      {t("localEngine")}
    </Badge>
  );
}

/** "FLUX.1 [dev]" plus, for the local engine, its not-AI badge. */
export function ModelLabel({ modelId, className }: { modelId: string; className?: string }) {
  return (
    <span className={cn("inline-flex flex-wrap items-center gap-1.5", className)}>
      <span className="font-medium">{modelName(modelId)}</span>
      <LocalEngineBadge modelId={modelId} />
    </span>
  );
}
