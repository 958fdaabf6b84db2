"use client";

import { useState } from "react";

/** Copies `value` to the clipboard and says so for a moment. */
export function CopyButton({
  value,
  label = "Copy",
  className = "rounded-md border border-slate-300 px-3 text-sm hover:bg-slate-50",
}: {
  value: string;
  label?: string;
  className?: string;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      onClick={async () => {
        await navigator.clipboard?.writeText(value).catch(() => {});
        setCopied(true);
        setTimeout(() => setCopied(false), 1500);
      }}
      className={className}
    >
      {copied ? "Copied" : label}
    </button>
  );
}
