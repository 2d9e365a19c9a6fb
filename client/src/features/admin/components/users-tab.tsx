import type { AdminUser } from "@image-studio/shared";
import type { TFunction } from "i18next";
import { useQuery } from "@tanstack/react-query";
import { Search } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDate } from "@/i18n";
import { usersOptions } from "../api/admin";
import { fmt } from "./stat-card";
import { UserDialog } from "./user-dialog";

const STATUSES = { all: "status.all", active: "status.active", banned: "status.banned", inactive: "status.inactive", unverified: "status.unverified", admins: "status.admins" } as const;

export function userBadges(u: AdminUser, t: TFunction<"admin">) {
  return (
    <>
      {u.role === "admin" && <Badge variant="primary">{t("status.admin")}</Badge>}
      {u.banned && <Badge variant="destructive">{t("status.banned")}</Badge>}
      {!u.isActive && <Badge variant="secondary">{t("status.inactive")}</Badge>}
      {!u.emailVerified && <Badge variant="outline">{t("status.unverified")}</Badge>}
    </>
  );
}

/** Users: search by name or e-mail, filter by status, open one to see usage and act on the account. */
export function UsersTab() {
  const { t } = useTranslation("admin");
  const [draft, setDraft] = useState("");
  const [q, setQ] = useState("");
  const [status, setStatus] = useState<keyof typeof STATUSES>("all");
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const users = useQuery(usersOptions(q, status, page));
  const pages = users.data ? Math.max(1, Math.ceil(users.data.total / users.data.pageSize)) : 1;
  return (
    <div className="grid gap-4">
      <form
        role="search"
        className="flex flex-wrap gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          setQ(draft.trim());
          setPage(1);
        }}
      >
        <label htmlFor="admin-user-search" className="sr-only">{t("users.searchLabel")}</label>
        <Input id="admin-user-search" type="search" value={draft} onChange={(e) => setDraft(e.target.value)} placeholder={t("users.searchPlaceholder")} className="w-64 max-w-full" />
        <Button type="submit" variant="outline"><Search aria-hidden="true" /> {t("users.search")}</Button>
        <Select value={status} onValueChange={(v) => { setStatus(v as keyof typeof STATUSES); setPage(1); }}>
          <SelectTrigger className="w-44" aria-label={t("users.columns.status")}><SelectValue /></SelectTrigger>
          <SelectContent>
            {Object.entries(STATUSES).map(([k, l]) => <SelectItem key={k} value={k}>{t(l)}</SelectItem>)}
          </SelectContent>
        </Select>
      </form>
      {users.isPending ? (
        <Skeleton className="h-64 rounded-xl" />
      ) : users.isError ? (
        <p role="alert">{users.error.message}</p>
      ) : users.data.items.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("users.empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-border bg-card" tabIndex={0} role="region" aria-label={t("users.region")}>
          <table className="w-full min-w-[40rem] text-sm">
            <caption className="sr-only">{t("users.caption", { count: users.data.total })}</caption>
            <thead className="bg-muted/50 text-left">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">{t("users.columns.user")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("users.columns.status")}</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">{t("users.columns.credits")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("users.columns.joined")}</th>
                <th scope="col" className="px-3 py-2"><span className="sr-only">{t("actions")}</span></th>
              </tr>
            </thead>
            <tbody>
              {users.data.items.map((u) => (
                <tr key={u.id} className="border-t border-border">
                  <td className="px-3 py-2"><div className="font-medium">{u.name}</div><div className="text-xs text-muted-foreground">{u.email}</div></td>
                  <td className="px-3 py-2"><div className="flex flex-wrap gap-1">{userBadges(u, t)}</div></td>
                  <td className="px-3 py-2 text-right font-mono">{fmt(u.creditsBalance)}</td>
                  <td className="px-3 py-2 text-xs">{formatDate(u.createdAt)}</td>
                  <td className="px-3 py-2 text-right">
                    <Button size="sm" variant="outline" onClick={() => setOpen(u.id)} aria-label={t("users.manageLabel", { email: u.email })}>{t("users.manage")}</Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav className="flex items-center justify-end gap-2 text-sm" aria-label={t("users.pages")}>
          <Button size="sm" variant="outline" disabled={page <= 1} onClick={() => setPage(page - 1)}>{t("users.previous")}</Button>
          <span>{t("users.page", { page, pages })}</span>
          <Button size="sm" variant="outline" disabled={page >= pages} onClick={() => setPage(page + 1)}>{t("users.next")}</Button>
        </nav>
      )}
      {open && <UserDialog userId={open} user={users.data?.items.find((u) => u.id === open)} onClose={() => setOpen(null)} />}
    </div>
  );
}
