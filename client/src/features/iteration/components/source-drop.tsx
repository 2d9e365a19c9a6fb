import { Upload } from "lucide-react";
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { cn } from "@/lib/cn";

const ACCEPT = "image/png,image/jpeg,image/webp,image/avif,image/gif";

/** Pick a picture: a file button, drag and drop, or paste. The server checks the content; this only filters files. */
export function SourceDrop({ onFile }: { onFile: (file: Blob, name: string) => void }) {
  const { t } = useTranslation("iteration");
  const id = useId();
  const [over, setOver] = useState(false);
  const take = (files: FileList | null | undefined) => {
    const file = files?.[0];
    if (!file) return;
    if (!file.type.startsWith("image/") || file.type === "image/svg+xml") return void toast.error(t("source.notPicture"), { description: t("source.formats") });
    onFile(file, file.name);
  };
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => take(e.clipboardData?.files);
    window.addEventListener("paste", onPaste);
    return () => window.removeEventListener("paste", onPaste);
  });
  return (
    <label
      htmlFor={id}
      onDragOver={(e) => (e.preventDefault(), setOver(true))}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        take(e.dataTransfer.files);
      }}
      className={cn(
        "flex min-h-56 cursor-pointer flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed border-border p-6 text-center transition-colors duration-200 focus-within:ring-3 focus-within:ring-ring/50",
        over ? "border-primary bg-primary/5" : "hover:bg-muted/60",
      )}
    >
      <Upload className="size-8 text-muted-foreground" aria-hidden="true" />
      <span className="font-medium">{t("source.choose")}</span>
      <span className="text-sm text-muted-foreground">{t("source.limits")}</span>
      <input id={id} type="file" accept={ACCEPT} className="sr-only" onChange={(e) => take(e.target.files)} />
    </label>
  );
}
