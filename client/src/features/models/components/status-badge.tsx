import type { ModelStatus } from "@image-studio/shared";
import { useTranslation } from "react-i18next";
import { Badge } from "@/components/ui/badge";
import { STATUS_LABEL, STATUS_VARIANT } from "../lib/model-facts";

export function StatusBadge({ status }: { status?: ModelStatus }) {
  const { t } = useTranslation("models");
  if (!status) return <Badge variant="outline">—</Badge>;
  return (
    <Badge variant={STATUS_VARIANT[status.status]} title={status.reason}>
      {t(STATUS_LABEL[status.status])}
      {status.reason && <span className="sr-only">: {status.reason}</span>}
    </Badge>
  );
}
