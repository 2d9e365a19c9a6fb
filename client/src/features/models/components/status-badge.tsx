import type { ModelStatus } from "@image-studio/shared";
import { Badge } from "@/components/ui/badge";
import { STATUS_LABEL, STATUS_VARIANT } from "../lib/model-facts";

export function StatusBadge({ status }: { status?: ModelStatus }) {
  if (!status) return <Badge variant="outline">—</Badge>;
  return (
    <Badge variant={STATUS_VARIANT[status.status]} title={status.reason}>
      {STATUS_LABEL[status.status]}
      {status.reason && <span className="sr-only">: {status.reason}</span>}
    </Badge>
  );
}
