import type { AdminUser } from "@image-studio/shared";
import { useQuery } from "@tanstack/react-query";
import { Search } from "lucide-react";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { usersOptions } from "../api/admin";
import { fmt } from "./stat-card";
import { UserDialog } from "./user-dialog";

const STATUSES = { all: "All users", active: "Active", banned: "Suspended", inactive: "Deactivated", unverified: "Unverified", admins: "Admins" } as const;

export function userBadges(u: AdminUser) {
  return (
    <>
      {u.role === "admin" && <Badge variant="primary">Admin</Badge>}
      {u.banned && <Badge variant="destructive">Suspended</Badge>}
      {!u.isActive && <Badge variant="secondary">Deactivated</Badge>}
      {!u.emailVerified && <Badge variant="outline">Unverified</Badge>}
    </>
  );
}

/** Users: search by name or e-mail, filter by status, open one to see usage and act on the account. */
export function UsersTab() {
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
        <label htmlFor="admin-user-search" className="sr-only">Search users by name or e-mail</label>
        <Input id="admin-user-search" type="search" value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="Name or e-mail" className="w-64 max-w-full" />
        <Button type="submit" variant="outline"><Search aria-hidden="true" /> Search</Button>
        <Select value={status} onValueChange={(v) => { setStatus(v as keyof typeof STATUSES); setPage(1); }}>
          <SelectTrigger className="w-44" aria-label="Status"><SelectValue /></SelectTrigger>
          <SelectContent>
            {Object.entries(STATUSES).map(([k, l]) => <SelectItem key={k} value={k}>{l}</SelectItem>)}
          </SelectContent>
        </Select>
      </form>
      {users.isPending ? (
        <Skeleton className="h-64 rounded-xl" />
      ) : users.isError ? (
        <p role="alert">{users.error.message}</p>
      ) : users.data.items.length === 0 ? (
        <p className="text-sm text-muted-foreground">No users match.</p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-border bg-card" tabIndex={0} role="region" aria-label="Users (scrolls sideways)">
          <table className="w-full min-w-[40rem] text-sm">
            <caption className="sr-only">Users ({users.data.total})</caption>
            <thead className="bg-muted/50 text-left">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">User</th>
                <th scope="col" className="px-3 py-2 font-medium">Status</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Credits</th>
                <th scope="col" className="px-3 py-2 font-medium">Joined</th>
                <th scope="col" className="px-3 py-2"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {users.data.items.map((u) => (
                <tr key={u.id} className="border-t border-border">
                  <td className="px-3 py-2"><div className="font-medium">{u.name}</div><div className="text-xs text-muted-foreground">{u.email}</div></td>
                  <td className="px-3 py-2"><div className="flex flex-wrap gap-1">{userBadges(u)}</div></td>
                  <td className="px-3 py-2 text-right font-mono">{fmt(u.creditsBalance)}</td>
                  <td className="px-3 py-2 text-xs">{new Date(u.createdAt).toLocaleDateString()}</td>
                  <td className="px-3 py-2 text-right">
                    <Button size="sm" variant="outline" onClick={() => setOpen(u.id)} aria-label={`Manage ${u.email}`}>Manage</Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav className="flex items-center justify-end gap-2 text-sm" aria-label="Pages of users">
          <Button size="sm" variant="outline" disabled={page <= 1} onClick={() => setPage(page - 1)}>Previous</Button>
          <span>Page {page} of {pages}</span>
          <Button size="sm" variant="outline" disabled={page >= pages} onClick={() => setPage(page + 1)}>Next</Button>
        </nav>
      )}
      {open && <UserDialog userId={open} user={users.data?.items.find((u) => u.id === open)} onClose={() => setOpen(null)} />}
    </div>
  );
}
