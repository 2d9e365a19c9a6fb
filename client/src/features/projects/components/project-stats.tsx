import { useQuery } from "@tanstack/react-query";
import { projectStatsOptions } from "../api";

/** The stats sidebar: generations, cost, models used and images over time. */
export function ProjectStats({ projectId }: { projectId: string }) {
  const { data } = useQuery(projectStatsOptions(projectId));
  if (!data) return null;
  const max = Math.max(1, ...data.overTime.map((d) => d.count));
  return (
    <aside aria-label="Project statistics" className="space-y-4 rounded-xl border border-border p-4 text-sm">
      <dl className="grid grid-cols-2 gap-2">
        <dt className="text-muted-foreground">Images</dt>
        <dd className="text-right font-medium">{data.imageCount}</dd>
        <dt className="text-muted-foreground">Generations</dt>
        <dd className="text-right font-medium">{data.generations}</dd>
        <dt className="text-muted-foreground">Cost</dt>
        <dd className="text-right font-medium">{data.costCredits} credits</dd>
      </dl>
      {data.models.length > 0 && (
        <div>
          <h3 className="mb-1 font-medium">Models</h3>
          <ul className="space-y-1">
            {data.models.map((m) => (
              <li key={m.modelId} className="flex justify-between gap-2">
                <span className="truncate">{m.modelId}</span>
                <span className="text-muted-foreground">{m.count}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {data.overTime.length > 0 && (
        <div>
          <h3 className="mb-1 font-medium">Images over time</h3>
          <ul className="flex h-16 items-end gap-0.5" aria-label="Images per day">
            {data.overTime.slice(-30).map((d) => (
              <li
                key={d.day}
                title={`${d.day}: ${d.count}`}
                aria-label={`${d.day}: ${d.count}`}
                className="flex-1 rounded-t bg-primary/60"
                style={{ height: `${(d.count / max) * 100}%` }}
              />
            ))}
          </ul>
        </div>
      )}
    </aside>
  );
}
