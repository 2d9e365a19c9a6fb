import { LIMITS, type MeUser } from "@image-studio/shared";
import { useQueryClient } from "@tanstack/react-query";
import { Camera, Trash2 } from "lucide-react";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Avatar, AvatarFallback, AvatarImage } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { formatNumber } from "@/i18n";
import { sessionKeys } from "@/lib/session";
import { removeAvatar, uploadAvatar, type CropRect } from "../api/account";
import { CropDialog } from "./crop-dialog";

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]!.toUpperCase())
    .join("") || "?";

/** The profile photo: pick a file, crop it to a square with a live preview, upload; or remove it. */
export function AvatarEditor({ user }: { user: MeUser }) {
  const { t } = useTranslation("account");
  const maxMb = formatNumber(LIMITS.avatarMaxBytes / 1024 / 1024);
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [removing, setRemoving] = useState(false);

  const pick = (f: File | undefined) => {
    if (!f) return;
    if (f.size > LIMITS.avatarMaxBytes) {
      toast.error(
        t("avatar.tooLarge", {
          size: formatNumber(f.size / 1024 / 1024, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
          max: maxMb,
        }),
      );
      return;
    }
    setFile(f);
  };

  const save = async (crop: CropRect | undefined) => {
    if (!file) return;
    await uploadAvatar(file, crop);
    await queryClient.invalidateQueries({ queryKey: sessionKeys.me });
    toast.success(t("avatar.updated"));
    setFile(null);
  };

  const remove = async () => {
    setRemoving(true);
    try {
      await removeAvatar();
      await queryClient.invalidateQueries({ queryKey: sessionKeys.me });
      toast.success(t("avatar.removed"));
    } catch (err) {
      toast.error(err instanceof Error ? err.message : t("avatar.removeFailed"));
    } finally {
      setRemoving(false);
    }
  };

  return (
    <div className="flex flex-wrap items-center gap-4">
      <Avatar className="size-20 ring-2 ring-primary/20 ring-offset-2 ring-offset-card">
        {user.image && <AvatarImage src={`${user.image}&size=256`} alt={t("avatar.alt")} />}
        <AvatarFallback className="text-xl">{initials(user.name)}</AvatarFallback>
      </Avatar>
      <div className="grid gap-2">
        <div className="flex flex-wrap gap-2">
          <Button type="button" variant="outline" size="sm" onClick={() => input.current?.click()}>
            <Camera aria-hidden="true" /> {user.image ? t("avatar.change") : t("avatar.upload")}
          </Button>
          {user.image && (
            <Button type="button" variant="ghost" size="sm" loading={removing} onClick={() => void remove()}>
              <Trash2 aria-hidden="true" /> {t("avatar.remove")}
            </Button>
          )}
        </div>
        <p className="text-xs text-muted-foreground">{t("avatar.formats", { max: maxMb })}</p>
      </div>
      <input
        ref={input}
        type="file"
        accept="image/png,image/jpeg,image/webp,image/gif,image/avif"
        className="sr-only"
        tabIndex={-1}
        aria-label={t("avatar.choose")}
        onChange={(e) => {
          pick(e.target.files?.[0]);
          e.target.value = "";
        }}
      />
      {file && <CropDialog file={file} onCancel={() => setFile(null)} onSave={save} />}
    </div>
  );
}
