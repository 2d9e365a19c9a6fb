import { Dices, Lock, LockOpen } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { cn } from "@/lib/cn";
import { useTranslation } from "react-i18next";

export const SEED_MAX = 2 ** 32 - 1;
export const randomSeed = () => Math.floor(Math.random() * 2 ** 31);

interface SeedFieldProps {
  id: string;
  seed: number | null;
  locked: boolean;
  onChange: (next: { seed: number | null; locked: boolean }) => void;
  /** The last seed a result used, offered when locking an empty field. */
  lastSeed?: number;
  invalid?: boolean;
  describedBy?: string;
}

/**
 * Unlocked: every run gets a new seed (the field shows "Random"). Typing a seed or pressing randomise locks it,
 * so the same settings reproduce the same image.
 */
export function SeedField({ id, seed, locked, onChange, lastSeed, invalid, describedBy }: SeedFieldProps) {
  const { t } = useTranslation("studio");
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? (locked && seed !== null ? String(seed) : "");
  return (
    <div className="flex gap-2">
      <Input
        id={id}
        inputMode="numeric"
        autoComplete="off"
        placeholder={t("seed.random")}
        value={shown}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        className="font-mono"
        onChange={(e) => {
          const raw = e.target.value.replace(/[^\d]/g, "");
          setText(raw);
          if (raw === "") onChange({ seed: null, locked: false });
          else onChange({ seed: Math.min(SEED_MAX, Number(raw)), locked: true });
        }}
        onBlur={() => setText(null)}
      />
      <Tooltip>
        <TooltipTrigger asChild>
          <Button
            type="button"
            variant="outline"
            size="icon"
            aria-pressed={locked}
            aria-label={locked ? t("seed.lockedLabel") : t("seed.lock")}
            className={cn(locked && "border-primary bg-primary/10 text-primary-strong")}
            onClick={() => {
              setText(null);
              if (locked) onChange({ seed, locked: false });
              else onChange({ seed: seed ?? lastSeed ?? randomSeed(), locked: true });
            }}
          >
            {locked ? <Lock aria-hidden="true" /> : <LockOpen aria-hidden="true" />}
          </Button>
        </TooltipTrigger>
        <TooltipContent>{locked ? t("seed.unlockTip") : t("seed.lockTip")}</TooltipContent>
      </Tooltip>
      <Tooltip>
        <TooltipTrigger asChild>
          <Button
            type="button"
            variant="outline"
            size="icon"
            aria-label={t("seed.randomSeed")}
            onClick={() => {
              setText(null);
              onChange({ seed: randomSeed(), locked: true });
            }}
          >
            <Dices aria-hidden="true" />
          </Button>
        </TooltipTrigger>
        <TooltipContent>{t("seed.randomTip")}</TooltipContent>
      </Tooltip>
    </div>
  );
}
