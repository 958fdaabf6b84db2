"use client";

import { useState } from "react";
import { RECORD_STATUSES, RECORD_TYPES, ZRecordsQuery } from "@/lib/content/schemas";
import { fieldErrorsOf } from "@/lib/http/client";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { STATUS_LABELS, typeLabel } from "./labels";

export const FILTER_KEYS = ["q", "connector", "type", "space", "status", "modifiedFrom", "modifiedTo"] as const;
export type RecordFilters = Record<(typeof FILTER_KEYS)[number], string>;

export const filtersOf = (values: Record<string, string>): RecordFilters => Object.fromEntries(FILTER_KEYS.map((k) => [k, values[k] ?? ""])) as RecordFilters;

export const hasFilters = (filters: RecordFilters) => FILTER_KEYS.some((k) => filters[k] !== "");

interface Props {
  initial: RecordFilters;
  connectors: { id: string; name: string }[];
  /** Field messages from the API's 422 (loc ["query", field]). */
  serverErrors: Record<string, string>;
  onApply: (filters: RecordFilters) => void;
}

/**
 * The All Records filters. Selects apply at once; text and dates apply on Enter or "Apply
 * filters". Checked with the API's own schema first, so a bad date range never leaves the page.
 */
export function RecordsFilters({ initial, connectors, serverErrors, onApply }: Props) {
  const [filters, setFilters] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const shown = { ...serverErrors, ...errors };

  function apply(next: RecordFilters) {
    const parsed = ZRecordsQuery.safeParse(next);
    if (!parsed.success) {
      setErrors(fieldErrorsOf(parsed.error.issues));
      return;
    }
    setErrors({});
    onApply(next);
  }
  const set = (key: keyof RecordFilters) => (e: React.ChangeEvent<HTMLInputElement>) => setFilters({ ...filters, [key]: e.target.value });
  const choose = (key: keyof RecordFilters) => (e: React.ChangeEvent<HTMLSelectElement>) => {
    const next = { ...filters, [key]: e.target.value };
    setFilters(next);
    apply(next);
  };

  return (
    <form
      role="search"
      aria-label="Filter records"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        apply(filters);
      }}
      className="grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4"
    >
      <Field label="Title contains" type="search" value={filters.q} onChange={set("q")} error={shown.q} className="col-span-2" />
      <SelectField label="Connector" value={filters.connector} onChange={choose("connector")} error={shown.connector}>
        <option value="">All connectors</option>
        {connectors.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <SelectField label="Type" value={filters.type} onChange={choose("type")} error={shown.type}>
        <option value="">All types</option>
        {RECORD_TYPES.map((t) => (
          <option key={t} value={t}>
            {typeLabel(t)}
          </option>
        ))}
      </SelectField>
      <Field label="Space key" value={filters.space} onChange={set("space")} error={shown.space} placeholder="e.g. ENG" />
      <SelectField label="Status" value={filters.status} onChange={choose("status")} error={shown.status}>
        <option value="">All statuses</option>
        {RECORD_STATUSES.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s]}
          </option>
        ))}
      </SelectField>
      <Field label="Modified from" type="date" value={filters.modifiedFrom} onChange={set("modifiedFrom")} error={shown.modifiedFrom} />
      <Field label="Modified to" type="date" value={filters.modifiedTo} onChange={set("modifiedTo")} error={shown.modifiedTo} />
      <div className="col-span-2 flex items-end justify-end gap-2 sm:col-span-4">
        {hasFilters(initial) ? (
          <Button variant="secondary" onClick={() => onApply(filtersOf({}))}>
            Reset filters
          </Button>
        ) : null}
        <Button type="submit">Apply filters</Button>
      </div>
    </form>
  );
}
