import type { TeamRole } from "@image-studio/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Send } from "lucide-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { ApiError } from "@/lib/api";
import { inviteMember, teamKeys } from "../api";
import { RoleSelect } from "./role-select";

/** Invite by e-mail with a role (admins only). */
export function InviteForm({ teamId, teamName }: { teamId: string; teamName: string }) {
  const { t } = useTranslation("teams");
  const qc = useQueryClient();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<TeamRole>("viewer");
  const [error, setError] = useState<string | null>(null);
  const invite = useMutation({
    mutationFn: () => inviteMember(teamId, email.trim(), role),
    onSuccess: (inv) => {
      setEmail("");
      setError(null);
      toast.success(t("invite.sent", { email: inv.email }));
      void qc.invalidateQueries({ queryKey: teamKeys.detail(teamId) });
    },
    onError: (e) => setError(e instanceof ApiError ? (e.fieldErrors().email ?? e.message) : t("invite.failed")),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (email.trim()) invite.mutate();
  };
  const id = `invite-${teamId}`;
  return (
    <form onSubmit={submit} className="grid gap-2" noValidate>
      <Label htmlFor={id}>{t("invite.label", { team: teamName })}</Label>
      <div className="flex flex-wrap gap-2">
        <Input
          id={id}
          type="email"
          autoComplete="off"
          placeholder={t("invite.placeholder")}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-invalid={!!error}
          aria-describedby={error ? `${id}-error` : undefined}
          className="min-w-48 flex-1"
        />
        <RoleSelect value={role} onChange={setRole} label={t("invite.role")} />
        <Button type="submit" size="sm" className="h-9" loading={invite.isPending} disabled={!email.trim()}>
          <Send aria-hidden /> {t("invite.submit")}
        </Button>
      </div>
      <p className="text-xs text-muted-foreground">{t("roles.help")}</p>
      {error && (
        <p id={`${id}-error`} role="alert" className="text-sm text-destructive-strong">
          {error}
        </p>
      )}
    </form>
  );
}
