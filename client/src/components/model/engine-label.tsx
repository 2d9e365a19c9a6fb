import { findModel } from "@image-studio/shared";
import { Shapes } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/cn";

/** How the app names its procedural engine, wherever its output or selection appears. */
export const LOCAL_ENGINE_LABEL = "Local sketch engine — not AI";

export const isLocalModel = (modelId: string) => modelId.startsWith("local/") || findModel(modelId)?.provider === "local";

export const modelName = (modelId: string) => findModel(modelId)?.displayName ?? modelId;

/** The honest label for local-engine output; renders nothing for AI models. */
export function LocalEngineBadge({ modelId, className }: { modelId: string; className?: string }) {
  if (!isLocalModel(modelId)) return null;
  return (
    <Badge variant="warning" className={cn("gap-1", className)}>
      <Shapes aria-hidden="true" />
      {LOCAL_ENGINE_LABEL}
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
