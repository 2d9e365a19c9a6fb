import { Copy, Download } from "lucide-react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";

/** Backup codes to copy or download once; each signs in one time without the authenticator app. */
export function BackupCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation("account");
  const text = `${t("backupCodes.fileHeading")}\n\n${codes.join("\n")}\n`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      toast.success(t("backupCodes.copied"));
    } catch {
      toast.error(t("backupCodes.copyFailed"));
    }
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain" }));
    const a = Object.assign(document.createElement("a"), { href: url, download: "image-studio-backup-codes.txt" });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 5000);
  };
  return (
    <div className="grid gap-4">
      <ul
        aria-label={t("backupCodes.label")}
        className="grid grid-cols-2 gap-2 rounded-lg border border-border bg-surface p-3 font-mono text-sm"
      >
        {codes.map((c) => (
          <li key={c} className="text-center tracking-wider select-all">
            {c}
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="outline" size="sm" onClick={() => void copy()}>
          <Copy aria-hidden="true" /> {t("backupCodes.copy")}
        </Button>
        <Button type="button" variant="outline" size="sm" onClick={download}>
          <Download aria-hidden="true" /> {t("backupCodes.download")}
        </Button>
        <Button type="button" className="ml-auto" onClick={onDone}>
          {t("backupCodes.done")}
        </Button>
      </div>
    </div>
  );
}
