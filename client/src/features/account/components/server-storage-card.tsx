import { useQuery } from "@tanstack/react-query";
import { Cloud } from "lucide-react";
import { Progress } from "@/components/ui/progress";
import { Skeleton } from "@/components/ui/skeleton";
import { storageUsageQuery } from "../api/account";
import { Section } from "./section";

const size = (n: number) =>
  n >= 1024 ** 3
    ? `${(n / 1024 ** 3).toFixed(1)} GB`
    : n >= 1024 ** 2
      ? `${(n / 1024 ** 2).toFixed(1)} MB`
      : `${Math.ceil(n / 1024)} KB`;

/** Settings → Offline & storage: what your account stores on the server, against its quota. */
export function ServerStorageCard() {
  const { data, isError } = useQuery(storageUsageQuery);
  const percent = data?.quota ? Math.min(100, (data.used / data.quota) * 100) : 0;
  return (
    <Section
      id="server-storage"
      title="Storage on the server"
      description="Your images (also those in the trash) and uploads not yet used up count towards your space."
    >
      {isError ? (
        <p className="text-sm text-muted-foreground">Storage use can't be shown right now (it needs the network).</p>
      ) : !data ? (
        <Skeleton className="h-16 rounded-lg" />
      ) : (
        <div className="grid gap-3 text-sm">
          <div className="flex items-center gap-3">
            <Cloud className="size-5 text-muted-foreground" aria-hidden="true" />
            <span data-testid="server-storage-used">
              <strong>{size(data.used)}</strong> used {data.quota === null ? "(no limit)" : <>of {size(data.quota)}</>}
            </span>
          </div>
          {data.quota !== null && <Progress value={percent} aria-label="Server storage used" />}
          <ul className="grid gap-1 text-muted-foreground">
            <li>
              Images: {size(data.total.bytes)} ({data.total.count})
            </li>
            <li>
              Trash: {size(data.trash.bytes)} ({data.trash.count}) — empty it to free this space
            </li>
            <li>
              Uploads: {size(data.uploads.bytes)} ({data.uploads.count}) — deleted on their own a day after their last
              use
            </li>
          </ul>
          {data.quota !== null && percent >= 90 && (
            <p role="status" className="font-medium text-warning-strong">
              {percent >= 100
                ? "Your storage is full: new uploads and generations are refused."
                : "Your storage is almost full."}
            </p>
          )}
        </div>
      )}
    </Section>
  );
}
