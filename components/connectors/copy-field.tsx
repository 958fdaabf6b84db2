"use client";

import { useId } from "react";
import { CopyButton } from "@/components/ui/copy-button";

export function CopyField({ label, value, hint }: { label: string; value: string; hint?: string }) {
  // Unique per field: a page can show more than one.
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <div className="mt-1 flex gap-2">
        <input id={id} readOnly value={value} className="block w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs" />
        <CopyButton value={value} />
      </div>
      {hint ? <p className="mt-1 text-xs text-slate-500">{hint}</p> : null}
    </div>
  );
}
