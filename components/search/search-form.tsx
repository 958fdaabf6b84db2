"use client";

import { useState } from "react";
import { ZSearchQuery } from "@/lib/content/schemas";
import { fieldErrorsOf } from "@/lib/http/client";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { typeLabel } from "@/components/records/labels";

export const SEARCH_KEYS = ["q", "space", "type", "modifiedFrom", "modifiedTo"] as const;
export type SearchForm = Record<(typeof SEARCH_KEYS)[number], string>;
export const searchFormOf = (values: Record<string, string>): SearchForm => Object.fromEntries(SEARCH_KEYS.map((k) => [k, values[k] ?? ""])) as SearchForm;

// Folders have no content of their own, so they are never in the index.
const SEARCHABLE_TYPES = ["page", "blogpost", "comment", "attachment"] as const;

interface Props {
  initial: SearchForm;
  /** Field messages from the API's 422 (loc ["query", field]). */
  serverErrors: Record<string, string>;
  onSearch: (form: SearchForm) => void;
}

/** The search box (Enter submits) and its filters, checked with the API's own schema before anything is sent. */
export function SearchForm({ initial, serverErrors, onSearch }: Props) {
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string> | null>(null);
  const shown = errors ?? serverErrors;
  const set = (key: keyof SearchForm) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm({ ...form, [key]: e.target.value });

  return (
    <form
      role="search"
      aria-label="Search Confluence content"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = ZSearchQuery.safeParse(form);
        if (!parsed.success) {
          setErrors(fieldErrorsOf(parsed.error.issues));
          return;
        }
        setErrors({});
        onSearch(form);
      }}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <div className="flex items-start gap-2">
        <Field
          label="Search"
          type="search"
          value={form.q}
          onChange={set("q")}
          error={shown.q}
          placeholder="Words, a phrase in quotes, -excluded"
          className="flex-1"
          autoFocus
        />
        <Button type="submit" className="mt-6">
          Search
        </Button>
      </div>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Field label="Space key" value={form.space} onChange={set("space")} error={shown.space} placeholder="e.g. ENG" />
        <SelectField label="Type" value={form.type} onChange={set("type")} error={shown.type}>
          <option value="">All types</option>
          {SEARCHABLE_TYPES.map((t) => (
            <option key={t} value={t}>
              {typeLabel(t)}
            </option>
          ))}
        </SelectField>
        <Field label="Modified from" type="date" value={form.modifiedFrom} onChange={set("modifiedFrom")} error={shown.modifiedFrom} />
        <Field label="Modified to" type="date" value={form.modifiedTo} onChange={set("modifiedTo")} error={shown.modifiedTo} />
      </div>
    </form>
  );
}
