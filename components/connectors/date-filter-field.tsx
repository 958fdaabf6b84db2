"use client";

import type { DateFilter } from "@/lib/connectors/config-schema";

interface Props {
  label: string;
  value: DateFilter | null;
  onChange: (value: DateFilter | null) => void;
  errors: { from?: string; to?: string };
}

export function DateFilterField({ label, value, onChange, errors }: Props) {
  const id = label.replace(/\W+/g, "-").toLowerCase();
  const operator = value?.operator ?? "";
  return (
    <div>
      <label htmlFor={`${id}-op`} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <div className="mt-1 flex flex-wrap items-center gap-2">
        <select
          id={`${id}-op`}
          value={operator}
          onChange={(e) => {
            const op = e.target.value as DateFilter["operator"] | "";
            onChange(op ? { operator: op, from: value?.from, to: value?.to } : null);
          }}
          className="rounded-md border border-slate-300 px-3 py-2 text-sm"
        >
          <option value="">Any date</option>
          <option value="after">Is After</option>
          <option value="before">Is Before</option>
          <option value="between">Is Between</option>
        </select>
        {operator === "after" || operator === "between" ? (
          <input
            type="date"
            aria-label={`${label} from`}
            value={value?.from ?? ""}
            onChange={(e) => onChange({ ...value!, from: e.target.value || undefined })}
            className="rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
        ) : null}
        {operator === "between" ? <span className="text-sm text-slate-500">and</span> : null}
        {operator === "before" || operator === "between" ? (
          <input
            type="date"
            aria-label={`${label} to`}
            value={value?.to ?? ""}
            onChange={(e) => onChange({ ...value!, to: e.target.value || undefined })}
            className="rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
        ) : null}
      </div>
      {errors.from || errors.to ? (
        <p role="alert" className="mt-1 text-sm text-rose-600">
          {errors.from ?? errors.to}
        </p>
      ) : null}
    </div>
  );
}
