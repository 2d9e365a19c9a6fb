import { useRouter } from "@tanstack/react-router";
import { SlidersHorizontal } from "lucide-react";
import { useFormContext, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import type { StudioRequest, StudioValues } from "../lib/form";
import { GenerateBar, type SubmitMode } from "./generate-bar";
import { QuickToolbar } from "./quick-toolbar";
import { randomSeed } from "./seed-field";
import { useTranslation } from "react-i18next";

interface ResultsToolbarProps {
  submit: (mode: SubmitMode) => void;
  pending: SubmitMode | null;
  busy: boolean;
  currentRequest: () => StudioRequest | null;
  /** Phone layout: also show the bar that opens the settings sheet, with a Generate button. */
  onOpenSettings?: () => void;
}

/** Under the results: regenerate, new seed, copy a settings link; on phones, the settings/Generate bar. */
export function ResultsToolbar({ submit, pending, busy, currentRequest, onOpenSettings }: ResultsToolbarProps) {
  const { t } = useTranslation("studio");
  const router = useRouter();
  const { control, setValue } = useFormContext<StudioValues>();
  const prompt = useWatch({ control, name: "prompt" });
  const copyLink = () => {
    const req = currentRequest();
    if (!req) return;
    const search = { prompt: req.prompt || undefined, negativePrompt: req.negativePrompt || undefined, modelId: req.modelId, parameters: req.parameters };
    const url = new URL(router.buildLocation({ to: "/studio", search }).href, window.location.origin).toString();
    navigator.clipboard?.writeText(url).then(
      () => toast.success(t("toolbar.copied")),
      () => toast.error(t("toolbar.copyFailed"), { description: url }),
    );
  };
  return (
    <div className="grid grid-cols-1 gap-2">
      <QuickToolbar
        busy={busy}
        onRegenerate={() => submit("generate")}
        onNewSeed={() => {
          setValue("seedLocked", true);
          setValue("seed", randomSeed());
          submit("generate");
        }}
        onCopySettings={copyLink}
      />
      {onOpenSettings && (
        <div className="flex gap-2">
          <Button type="button" variant="outline" className="min-w-0 flex-1 shrink justify-start" onClick={onOpenSettings}>
            <SlidersHorizontal aria-hidden="true" />
            <span className="min-w-0 truncate">{prompt || t("toolbar.settings")}</span>
          </Button>
          <GenerateBar className="shrink-0" onSubmit={submit} pending={pending} compact />
        </div>
      )}
    </div>
  );
}
