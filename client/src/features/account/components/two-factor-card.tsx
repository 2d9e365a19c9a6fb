import type { MeUser } from "@image-studio/shared";
import { useQueryClient } from "@tanstack/react-query";
import { KeyRound, ShieldCheck, ShieldOff } from "lucide-react";
import { useState } from "react";
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
      title="Two-factor authentication"
      description="Ask for a code from an authenticator app (1Password, Google Authenticator, Authy…) when you sign in."
      action={
        user.twoFactorEnabled ? (
          <Badge variant="success">
            <ShieldCheck aria-hidden="true" /> On
          </Badge>
        ) : (
          <Badge variant="secondary">Off</Badge>
        )
      }
    >
      {!user.hasPassword ? (
        <p className="text-sm text-muted-foreground">
          Add a password to your account first; two-factor protects password sign-in.
        </p>
      ) : user.twoFactorEnabled ? (
        <div className="flex flex-wrap gap-2">
          <Button variant="outline" onClick={() => setOpen("codes")}>
            <KeyRound aria-hidden="true" /> New backup codes
          </Button>
          <Button variant="ghost" className="text-destructive-strong" onClick={() => setOpen("disable")}>
            <ShieldOff aria-hidden="true" /> Turn off
          </Button>
        </div>
      ) : (
        <Button onClick={() => setOpen("enable")}>
          <ShieldCheck aria-hidden="true" /> Set up two-factor
        </Button>
      )}

      <Dialog open={open === "enable"} onOpenChange={(o) => !o && close()}>
        <DialogContent className="max-w-md">
          <TwoFactorSetup
            onEnabled={async () => {
              await refresh();
              toast.success("Two-factor authentication is on");
            }}
            onDone={close}
          />
        </DialogContent>
      </Dialog>

      <Dialog open={open === "disable"} onOpenChange={(o) => !o && close()}>
        <DialogContent className="max-w-md">
          <DialogHeader>
            <DialogTitle>Turn off two-factor authentication?</DialogTitle>
            <DialogDescription>Signing in will only need your password. Enter it to confirm.</DialogDescription>
          </DialogHeader>
          <PasswordPrompt
            submitLabel="Turn off"
            destructive
            onSubmit={async (password) => {
              await disableTwoFactor(password);
              await refresh();
              toast.success("Two-factor authentication is off");
              close();
            }}
          />
        </DialogContent>
      </Dialog>

      <Dialog open={open === "codes"} onOpenChange={(o) => !o && close()}>
        <DialogContent className="max-w-md">
          <DialogHeader>
            <DialogTitle>New backup codes</DialogTitle>
            <DialogDescription>
              {codes
                ? "Your old codes no longer work. Keep these somewhere safe."
                : "This replaces your current backup codes. Enter your password to continue."}
            </DialogDescription>
          </DialogHeader>
          {codes ? (
            <BackupCodes codes={codes} onDone={close} />
          ) : (
            <PasswordPrompt
              submitLabel="Make new codes"
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
