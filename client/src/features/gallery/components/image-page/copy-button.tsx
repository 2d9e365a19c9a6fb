import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";

/** Copies `text` and confirms with a tick for a moment. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useTranslation("gallery");
  const [done, setDone] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setDone(true);
      window.setTimeout(() => setDone(false), 1500);
    } catch {
      toast.error(t("copy.failed"), { description: t("copy.failedHint") });
    }
  };
  return (
    <Button variant="ghost" size="icon" className="size-7" onClick={copy} aria-label={done ? t("copy.done") : label} title={label}>
      {done ? <Check className="size-3.5 text-success-strong" aria-hidden="true" /> : <Copy className="size-3.5" aria-hidden="true" />}
    </Button>
  );
}
