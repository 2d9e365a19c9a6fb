import type { LoraWeight, ParamSpec, ParamValue } from "@image-studio/shared";
import { useState } from "react";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Slider } from "@/components/ui/slider";
import { Switch } from "@/components/ui/switch";
import { ChipGroup } from "./aspect-ratio-grid";
import { describedBy, Field } from "./field";
import { LoraList } from "./lora-list";
import { useTranslation } from "react-i18next";
import { paramDescription, paramLabel, paramOptionLabel } from "@/i18n/labels";

interface ParamFieldProps {
  spec: ParamSpec;
  value: ParamValue | undefined;
  onChange: (value: ParamValue) => void;
  error?: string;
  idPrefix?: string;
  /** The model the spec belongs to: its own wording of a parameter, in the app's language. */
  modelId?: string;
}

const decimals = (step?: number) => (step && step < 1 ? String(step).split(".")[1]?.length ?? 1 : 0);

/** One control drawn from the model's parameter schema: slider + number, chips, select, switch or LoRA list. */
export function ParamField({ spec: raw, value, onChange, error, idPrefix = "param", modelId }: ParamFieldProps) {
  const { t } = useTranslation("studio");
  const spec = { ...raw, label: paramLabel(t, modelId, raw), description: paramDescription(t, modelId, raw) };
  const id = `${idPrefix}-${spec.key}`;
  const aria = describedBy(id, error, spec.description);

  if (spec.type === "boolean") {
    return (
      <div className="grid gap-1.5">
        <div className="flex items-center justify-between gap-3">
          <label htmlFor={id} className="text-sm font-medium">
            {spec.label}
          </label>
          <Switch id={id} checked={value === true} onCheckedChange={(v) => onChange(v)} {...aria} />
        </div>
        <Help id={id} error={error} description={spec.description} />
      </div>
    );
  }

  if (spec.type === "loras") {
    return (
      <Field id={id} label={spec.label} hint={spec.description} error={error} asGroupLabel>
        <LoraList id={id} value={Array.isArray(value) ? value : []} max={spec.max ?? 5} onChange={(v: LoraWeight[]) => onChange(v)} />
      </Field>
    );
  }

  if (spec.type === "enum") {
    const options = (spec.options ?? []).map(String);
    return (
      <Field id={id} label={spec.label} hint={spec.description} error={error}>
        <Select value={typeof value === "string" ? value : undefined} onValueChange={onChange}>
          <SelectTrigger id={id} {...aria}>
            <SelectValue placeholder={t("param.choose")} />
          </SelectTrigger>
          <SelectContent>
            {options.map((o) => (
              <SelectItem key={o} value={o} className={spec.key === "sampler" ? "font-mono" : undefined}>
                {paramOptionLabel(t, spec, o)}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </Field>
    );
  }

  if (spec.options) {
    const options = spec.options.filter((o): o is number => typeof o === "number");
    return (
      <Field id={id} label={spec.label} hint={spec.description} error={error} asGroupLabel>
        <ChipGroup labelledBy={`${id}-label`} options={options} value={typeof value === "number" ? value : options[0]!} onChange={onChange} format={(v) => <span className="font-mono">{v}</span>} />
      </Field>
    );
  }

  return <NumberParam spec={spec} id={id} value={typeof value === "number" ? value : undefined} onChange={onChange} error={error} />;
}

function Help({ id, error, description }: { id: string; error?: string; description: string }) {
  return error ? (
    <p id={`${id}-error`} role="alert" className="text-xs text-destructive-strong">
      {error}
    </p>
  ) : (
    <p id={`${id}-hint`} className="text-xs text-muted-foreground">
      {description}
    </p>
  );
}

function NumberParam({ spec, id, value, onChange, error }: { spec: ParamSpec; id: string; value?: number; onChange: (v: number) => void; error?: string }) {
  const [text, setText] = useState<string | null>(null);
  const min = spec.min ?? 0;
  const max = spec.max ?? 100;
  const step = spec.step ?? (spec.type === "int" ? 1 : 0.1);
  const fixed = decimals(step);
  const current = value ?? (typeof spec.default === "number" ? spec.default : min);
  return (
    <Field id={id} label={spec.label} hint={spec.description} error={error}>
      <div className="flex items-center gap-3">
        <Slider
          aria-labelledby={`${id}-slider-label`}
          min={min}
          max={max}
          step={step}
          value={[current]}
          onValueChange={([v]) => {
            setText(null);
            if (v !== undefined) onChange(Number(v.toFixed(fixed)));
          }}
          className="flex-1"
        />
        <span id={`${id}-slider-label`} className="sr-only">
          {spec.label}
        </span>
        <Input
          id={id}
          inputMode={spec.type === "int" ? "numeric" : "decimal"}
          autoComplete="off"
          className="h-8 w-20 text-right font-mono tabular-nums"
          value={text ?? current.toFixed(fixed)}
          {...describedBy(id, error, spec.description)}
          onChange={(e) => {
            setText(e.target.value);
            const n = Number(e.target.value);
            if (e.target.value.trim() !== "" && Number.isFinite(n)) onChange(spec.type === "int" ? Math.round(n) : n);
          }}
          onBlur={() => setText(null)}
        />
      </div>
    </Field>
  );
}
