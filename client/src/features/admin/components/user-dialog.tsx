import type { AdminUser } from "@image-studio/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDateTime } from "@/i18n";
import { adminKeys, deleteUser, grantCredits, suspendUser, unsuspendUser, userUsageOptions } from "../api/admin";
import { bytes, fmt } from "./stat-card";

/** One user: usage, and the actions (grant credits with a reason, suspend/unsuspend, delete). Each is audited. */
export function UserDialog({ userId, user, onClose }: { userId: string; user?: AdminUser; onClose: () => void }) {
  const { t } = useTranslation("admin");
  const qc = useQueryClient();
  const usage = useQuery(userUsageOptions(userId));
  const [amount, setAmount] = useState("");
  const [note, setNote] = useState("");
  const [reason, setReason] = useState("");
  const [confirm, setConfirm] = useState("");
  const done = (msg: string) => {
    toast.success(msg);
    void qc.invalidateQueries({ queryKey: adminKeys.all });
  };
  const fail = (e: Error) => toast.error(e.message);
  const grant = useMutation({
    mutationFn: () => grantCredits(userId, Number(amount), note),
    onSuccess: (r) => {
      setAmount("");
      setNote("");
      done(t("user.balanceNow", { count: r.balance, balance: fmt(r.balance) }));
    },
    onError: fail,
  });
  const suspend = useMutation({ mutationFn: () => (user?.banned ? unsuspendUser(userId) : suspendUser(userId, reason)), onSuccess: (u) => done(u.banned ? t("user.suspended") : t("user.unsuspended")), onError: fail });
  const remove = useMutation({
    mutationFn: () => deleteUser(userId),
    onSuccess: () => {
      done(t("user.deleted"));
      onClose();
    },
    onError: fail,
  });
  const amountOk = /^-?\d+$/.test(amount.trim()) && Number(amount) !== 0;
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()}>
      <DialogContent className="max-h-[90dvh] overflow-y-auto sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>{user?.name ?? t("user.fallbackName")}</DialogTitle>
          <DialogDescription>{user?.email}</DialogDescription>
        </DialogHeader>
        <section aria-labelledby="ud-usage" className="grid gap-2">
          <h3 id="ud-usage" className="text-sm font-semibold">{t("overview.usage")}</h3>
          {usage.isPending ? (
            <Skeleton className="h-20 rounded-xl" />
          ) : usage.isError ? (
            <p className="text-sm">{usage.error.message}</p>
          ) : (
            <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-3">
              <div><dt className="text-xs text-muted-foreground">{t("user.balance")}</dt><dd className="font-mono">{fmt(user?.creditsBalance ?? 0)}</dd></div>
              <div><dt className="text-xs text-muted-foreground">{t("overview.creditsSpent")}</dt><dd className="font-mono">{fmt(usage.data.creditsSpent)}</dd></div>
              <div><dt className="text-xs text-muted-foreground">{t("overview.images")}</dt><dd className="font-mono">{fmt(usage.data.images)}</dd></div>
              <div><dt className="text-xs text-muted-foreground">{t("overview.storage")}</dt><dd className="font-mono">{bytes(usage.data.storageBytes)}</dd></div>
              <div><dt className="text-xs text-muted-foreground">{t("user.jobs")}</dt><dd className="font-mono">{t("user.jobsValue", { completed: fmt(usage.data.jobs.completed), failed: fmt(usage.data.jobs.failed) })}</dd></div>
              <div><dt className="text-xs text-muted-foreground">{t("user.lastJob")}</dt><dd className="font-mono text-xs">{usage.data.lastJobAt ? formatDateTime(usage.data.lastJobAt) : t("user.never")}</dd></div>
            </dl>
          )}
        </section>
        <form
          className="grid gap-2 border-t border-border pt-3"
          aria-labelledby="ud-credits"
          onSubmit={(e) => {
            e.preventDefault();
            if (amountOk && note.trim()) grant.mutate();
          }}
        >
          <h3 id="ud-credits" className="text-sm font-semibold">{t("user.grantTitle")}</h3>
          <div className="grid gap-2 sm:grid-cols-[8rem_1fr]">
            <div className="grid gap-1">
              <Label htmlFor="ud-amount">{t("user.amount")}</Label>
              <Input id="ud-amount" inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)} placeholder={t("user.amountPlaceholder")} className="font-mono" aria-describedby="ud-amount-hint" />
            </div>
            <div className="grid gap-1">
              <Label htmlFor="ud-note">{t("user.reason")}</Label>
              <Input id="ud-note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={200} placeholder={t("user.reasonPlaceholder")} />
            </div>
          </div>
          <p id="ud-amount-hint" className="text-xs text-muted-foreground">{t("user.amountHint")}</p>
          <Button type="submit" className="w-fit" disabled={!amountOk || !note.trim() || grant.isPending}>{t("user.grant")}</Button>
        </form>
        <div className="grid gap-2 border-t border-border pt-3">
          <h3 className="text-sm font-semibold">{user?.banned ? t("status.banned") : t("user.suspend")}</h3>
          {user?.banned ? (
            <p className="text-sm">{user.banReason ? t("user.banReason", { reason: user.banReason }) : t("user.noReason")}</p>
          ) : (
            <div className="grid gap-1">
              <Label htmlFor="ud-reason">{t("user.reasonOptional")}</Label>
              <Input id="ud-reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
            </div>
          )}
          <Button variant="outline" className="w-fit" onClick={() => suspend.mutate()} disabled={suspend.isPending}>
            {user?.banned ? t("user.unsuspend") : t("user.suspendEverywhere")}
          </Button>
        </div>
        <div className="grid gap-2 border-t border-border pt-3">
          <h3 className="text-sm font-semibold text-destructive-strong">{t("user.delete")}</h3>
          <p className="text-sm text-muted-foreground">{t("user.deleteDescription")}</p>
          <Label htmlFor="ud-confirm">{t("user.deleteConfirm")}</Label>
          <Input id="ud-confirm" value={confirm} onChange={(e) => setConfirm(e.target.value)} autoComplete="off" />
          <Button variant="destructive" className="w-fit" disabled={!user || confirm.trim().toLowerCase() !== user.email.toLowerCase() || remove.isPending} onClick={() => remove.mutate()}>
            {t("user.delete")}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
