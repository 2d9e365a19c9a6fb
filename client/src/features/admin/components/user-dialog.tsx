import type { AdminUser } from "@image-studio/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { adminKeys, deleteUser, grantCredits, suspendUser, unsuspendUser, userUsageOptions } from "../api/admin";
import { bytes, fmt } from "./stat-card";

/** One user: usage, and the actions (grant credits with a reason, suspend/unsuspend, delete). Each is audited. */
export function UserDialog({ userId, user, onClose }: { userId: string; user?: AdminUser; onClose: () => void }) {
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
      done(`Balance is now ${fmt(r.balance)} credits`);
    },
    onError: fail,
  });
  const suspend = useMutation({ mutationFn: () => (user?.banned ? unsuspendUser(userId) : suspendUser(userId, reason)), onSuccess: (u) => done(u.banned ? "Account suspended" : "Account unsuspended"), onError: fail });
  const remove = useMutation({
    mutationFn: () => deleteUser(userId),
    onSuccess: () => {
      done("Account deleted");
      onClose();
    },
    onError: fail,
  });
  const amountOk = /^-?\d+$/.test(amount.trim()) && Number(amount) !== 0;
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()}>
      <DialogContent className="max-h-[90dvh] overflow-y-auto sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>{user?.name ?? "User"}</DialogTitle>
          <DialogDescription>{user?.email}</DialogDescription>
        </DialogHeader>
        <section aria-labelledby="ud-usage" className="grid gap-2">
          <h3 id="ud-usage" className="text-sm font-semibold">Usage</h3>
          {usage.isPending ? (
            <Skeleton className="h-20 rounded-xl" />
          ) : usage.isError ? (
            <p className="text-sm">{usage.error.message}</p>
          ) : (
            <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-3">
              <div><dt className="text-xs text-muted-foreground">Balance</dt><dd className="font-mono">{fmt(user?.creditsBalance ?? 0)}</dd></div>
              <div><dt className="text-xs text-muted-foreground">Credits spent</dt><dd className="font-mono">{fmt(usage.data.creditsSpent)}</dd></div>
              <div><dt className="text-xs text-muted-foreground">Images</dt><dd className="font-mono">{fmt(usage.data.images)}</dd></div>
              <div><dt className="text-xs text-muted-foreground">Storage</dt><dd className="font-mono">{bytes(usage.data.storageBytes)}</dd></div>
              <div><dt className="text-xs text-muted-foreground">Jobs done / failed</dt><dd className="font-mono">{usage.data.jobs.completed} / {usage.data.jobs.failed}</dd></div>
              <div><dt className="text-xs text-muted-foreground">Last job</dt><dd className="font-mono text-xs">{usage.data.lastJobAt ? new Date(usage.data.lastJobAt).toLocaleString() : "never"}</dd></div>
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
          <h3 id="ud-credits" className="text-sm font-semibold">Grant credits</h3>
          <div className="grid gap-2 sm:grid-cols-[8rem_1fr]">
            <div className="grid gap-1">
              <Label htmlFor="ud-amount">Amount</Label>
              <Input id="ud-amount" inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)} placeholder="100" className="font-mono" aria-describedby="ud-amount-hint" />
            </div>
            <div className="grid gap-1">
              <Label htmlFor="ud-note">Reason</Label>
              <Input id="ud-note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={200} placeholder="Shown in the user's credit history" />
            </div>
          </div>
          <p id="ud-amount-hint" className="text-xs text-muted-foreground">A negative amount takes credits back.</p>
          <Button type="submit" className="w-fit" disabled={!amountOk || !note.trim() || grant.isPending}>Grant</Button>
        </form>
        <div className="grid gap-2 border-t border-border pt-3">
          <h3 className="text-sm font-semibold">{user?.banned ? "Suspended" : "Suspend"}</h3>
          {user?.banned ? (
            <p className="text-sm">{user.banReason ? `Reason: ${user.banReason}` : "No reason given."}</p>
          ) : (
            <div className="grid gap-1">
              <Label htmlFor="ud-reason">Reason (optional)</Label>
              <Input id="ud-reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
            </div>
          )}
          <Button variant="outline" className="w-fit" onClick={() => suspend.mutate()} disabled={suspend.isPending}>
            {user?.banned ? "Unsuspend" : "Suspend and sign out everywhere"}
          </Button>
        </div>
        <div className="grid gap-2 border-t border-border pt-3">
          <h3 className="text-sm font-semibold text-destructive-strong">Delete account</h3>
          <p className="text-sm text-muted-foreground">Deletes the account, its images and files for good.</p>
          <Label htmlFor="ud-confirm">Type the e-mail address to confirm</Label>
          <Input id="ud-confirm" value={confirm} onChange={(e) => setConfirm(e.target.value)} autoComplete="off" />
          <Button variant="destructive" className="w-fit" disabled={!user || confirm.trim().toLowerCase() !== user.email.toLowerCase() || remove.isPending} onClick={() => remove.mutate()}>
            Delete account
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
