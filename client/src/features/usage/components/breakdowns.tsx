import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Badge } from "@/components/ui/badge";
import { Skeleton } from "@/components/ui/skeleton";
import { byModelQuery, byProjectQuery, compareQuery } from "../api";
import { fmt, LoadError, Section } from "./section";

const th = "px-2 py-1.5 text-left text-xs font-medium text-muted-foreground";
const td = "px-2 py-1.5 align-top";
const num = "px-2 py-1.5 text-right font-mono tabular-nums";

function Rows({ busy, rows }: { busy: boolean; rows: number }) {
  if (!busy) return null;
  return (
    <div className="grid gap-2">
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="h-7 w-full" />
      ))}
    </div>
  );
}

function Share({ value, total }: { value: number; total: number }) {
  const pct = total > 0 ? Math.round((value / total) * 100) : 0;
  return (
    <div className="mt-1 h-1.5 w-full overflow-hidden rounded-full bg-muted" aria-hidden="true">
      <div className="h-full rounded-full bg-primary" style={{ width: `${pct}%` }} />
    </div>
  );
}

export function ByModelSection() {
  const q = useQuery(byModelQuery);
  const total = q.data?.items.reduce((s, r) => s + r.credits, 0) ?? 0;
  return (
    <Section title="By model" description="All time; credits after refunds." busy={q.isPending}>
      <Rows busy={q.isPending} rows={3} />
      {q.isError && <LoadError error={q.error} />}
      {q.data && !q.data.items.length && (
        <p className="text-sm text-muted-foreground">Nothing yet: your first generation shows up here.</p>
      )}
      {!!q.data?.items.length && (
        <table className="w-full text-sm">
          <thead>
            <tr>
              <th scope="col" className={th}>
                Model
              </th>
              <th scope="col" className={`${th} text-right`}>
                Images
              </th>
              <th scope="col" className={`${th} text-right`}>
                Credits
              </th>
            </tr>
          </thead>
          <tbody>
            {q.data.items.map((r) => (
              <tr key={r.modelId || "other"} className="border-t border-border">
                <td className={td}>
                  {r.modelName}
                  <Share value={r.credits} total={total} />
                </td>
                <td className={num}>{fmt(r.images)}</td>
                <td className={num}>{fmt(r.credits)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

export function ByProjectSection() {
  const q = useQuery(byProjectQuery);
  const total = q.data?.items.reduce((s, r) => s + r.credits, 0) ?? 0;
  return (
    <Section title="By project" description="Where the credits went." busy={q.isPending}>
      <Rows busy={q.isPending} rows={3} />
      {q.isError && <LoadError error={q.error} />}
      {q.data && !q.data.items.length && <p className="text-sm text-muted-foreground">Nothing yet.</p>}
      {!!q.data?.items.length && (
        <table className="w-full text-sm">
          <thead>
            <tr>
              <th scope="col" className={th}>
                Project
              </th>
              <th scope="col" className={`${th} text-right`}>
                Images
              </th>
              <th scope="col" className={`${th} text-right`}>
                Credits
              </th>
            </tr>
          </thead>
          <tbody>
            {q.data.items.map((r) => (
              <tr key={r.projectId ?? "none"} className="border-t border-border">
                <td className={td}>
                  {r.projectId && r.projectName ? (
                    <Link
                      to="/projects/$projectId"
                      params={{ projectId: r.projectId }}
                      className="rounded-sm text-primary-strong underline-offset-4 hover:underline"
                    >
                      {r.projectName}
                    </Link>
                  ) : r.projectId ? (
                    <span className="text-muted-foreground">Deleted project</span>
                  ) : (
                    <span className="text-muted-foreground">No project</span>
                  )}
                  <Share value={r.credits} total={total} />
                </td>
                <td className={num}>{fmt(r.images)}</td>
                <td className={num}>{fmt(r.credits)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

const stars = (n: number) => `${"●".repeat(n)}${"○".repeat(5 - n)}`;

/** One run at the user's typical settings on every text-to-image model, cheapest first. */
export function CompareSection() {
  const q = useQuery(compareQuery);
  const s = q.data?.settings;
  return (
    <Section
      title="Cost comparison"
      busy={q.isPending}
      description={
        s ? (
          <>
            One run at your usual settings:{" "}
            <span className="font-mono">
              {s.width}×{s.height}, {s.numImages} image{s.numImages === 1 ? "" : "s"}
            </span>
            {s.basedOnJobs ? ` (from your last ${s.basedOnJobs} runs)` : " (defaults: you have no recent runs)"}.
          </>
        ) : (
          "One run at your usual settings."
        )
      }
    >
      <Rows busy={q.isPending} rows={5} />
      {q.isError && <LoadError error={q.error} />}
      {q.data && (
        <div className="-mx-1 max-h-96 overflow-y-auto px-1" tabIndex={0} role="region" aria-label="Cost per model">
          <table className="w-full text-sm">
            <thead className="sticky top-0 bg-card">
              <tr>
                <th scope="col" className={th}>
                  Model
                </th>
                <th scope="col" className={`${th} hidden sm:table-cell`}>
                  Speed · quality
                </th>
                <th scope="col" className={`${th} text-right`}>
                  Credits
                </th>
              </tr>
            </thead>
            <tbody>
              {q.data.items.map((m) => (
                <tr key={m.modelId} className="border-t border-border">
                  <td className={td}>
                    <span className={m.available ? "" : "text-muted-foreground"}>{m.modelName}</span>{" "}
                    {m.usedByYou && <Badge variant="primary">You use it</Badge>}{" "}
                    {!m.available && <Badge variant="secondary">Unavailable</Badge>}
                  </td>
                  <td className={`${td} hidden font-mono text-xs sm:table-cell`}>
                    <span aria-label={`speed ${m.speed} of 5, quality ${m.quality} of 5`}>
                      {stars(m.speed)} · {stars(m.quality)}
                    </span>
                  </td>
                  <td className={num}>{fmt(m.credits)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
