import type { MeUser } from "@image-studio/shared";
import { useQueryClient } from "@tanstack/react-query";
import { KeyRound, ShieldCheck, ShieldOff } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { sessionKeys } from "@/lib/session";
import { accountKeys, disableTwoFactor, regenerateBackupCodes } from "../api/account";
import { BackupCodes } from "./backup-codes";
import { PasswordPrompt } from "./password-prompt";
import { Section } from "./section";
import { TwoFactorSetup } from "./two-factor-setup";

type Dialogs = "enable" | "disable" | "codes" | null;

export function TwoFactorCard({ user }: { user: MeUser }) {
  const { t } = useTranslation("account");
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<Dialogs>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: sessionKeys.me }),
      queryClient.invalidateQueries({ queryKey: accountKeys.sessions }),
    ]);
  const close = () => {
    setOpen(null);
    setCodes(null);
  };

  return (
    <Section
      id="two-factor"
      title={t("twoFactor.title")}
      description={t("twoFactor.description")}
      action={
        user.twoFactorEnabled ? (
          <Badge variant="success">
            <ShieldCheck aria-hidden="true" /> {t("twoFactor.on")}
          </Badge>
        ) : (
          <Badge variant="secondary">{t("twoFactor.off")}</Badge>
        )
      }
    >
      {!user.hasPassword ? (
        <p className="text-sm text-muted-foreground">{t("twoFactor.needsPassword")}</p>
      ) : user.twoFactorEnabled ? (
        <div className="flex flex-wrap gap-2">
          <Button variant="outline" onClick={() => setOpen("codes")}>
            <KeyRound aria-hidden="true" /> {t("twoFactor.newCodes")}
          </Button>
          <Button variant="ghost" className="text-destructive-strong" onClick={() => setOpen("disable")}>
            <ShieldOff aria-hidden="true" /> {t("twoFactor.turnOff")}
          </Button>
        </div>
      ) : (
        <Button onClick={() => setOpen("enable")}>
          <ShieldCheck aria-hidden="true" /> {t("twoFactor.setUp")}
        </Button>
      )}

      <Dialog open={open === "enable"} onOpenChange={(o) => !o && close()}>
        <DialogContent className="max-w-md">
          <TwoFactorSetup
            onEnabled={async () => {
              await refresh();
              toast.success(t("twoFactor.enabled"));
            }}
            onDone={close}
          />
        </DialogContent>
      </Dialog>

      <Dialog open={open === "disable"} onOpenChange={(o) => !o && close()}>
        <DialogContent className="max-w-md">
          <DialogHeader>
            <DialogTitle>{t("twoFactor.disableTitle")}</DialogTitle>
            <DialogDescription>{t("twoFactor.disableDescription")}</DialogDescription>
          </DialogHeader>
          <PasswordPrompt
            submitLabel={t("twoFactor.turnOff")}
            destructive
            onSubmit={async (password) => {
              await disableTwoFactor(password);
              await refresh();
              toast.success(t("twoFactor.disabled"));
              close();
            }}
          />
        </DialogContent>
      </Dialog>

      <Dialog open={open === "codes"} onOpenChange={(o) => !o && close()}>
        <DialogContent className="max-w-md">
          <DialogHeader>
            <DialogTitle>{t("twoFactor.newCodes")}</DialogTitle>
            <DialogDescription>{codes ? t("twoFactor.codesReplaced") : t("twoFactor.codesReplace")}</DialogDescription>
          </DialogHeader>
          {codes ? (
            <BackupCodes codes={codes} onDone={close} />
          ) : (
            <PasswordPrompt
              submitLabel={t("twoFactor.makeCodes")}
              onSubmit={async (password) => {
                const res = await regenerateBackupCodes(password);
                setCodes(res.backupCodes);
              }}
            />
          )}
        </DialogContent>
      </Dialog>
    </Section>
  );
}
