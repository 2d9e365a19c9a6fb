import { TEAM_ROLE_VALUES, type TeamRole } from "@image-studio/shared";
import { useTranslation } from "react-i18next";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { ROLE_HINT, ROLE_LABEL } from "../api";

/** A role picker: viewer, editor, admin, each with what it allows. */
export function RoleSelect({ value, onChange, label, disabled }: { value: TeamRole; onChange: (r: TeamRole) => void; label: string; disabled?: boolean }) {
  const { t } = useTranslation("teams");
  return (
    <Select value={value} onValueChange={(v) => onChange(v as TeamRole)} disabled={disabled}>
      <SelectTrigger size="sm" aria-label={label} className="w-32">
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        {TEAM_ROLE_VALUES.map((r) => (
          <SelectItem key={r} value={r} title={t(ROLE_HINT[r])}>
            {t(ROLE_LABEL[r])}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
