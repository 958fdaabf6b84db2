"use client";

import { useEffect, useRef } from "react";

interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  children: React.ReactNode;
  side?: "center" | "right";
  labelledBy?: string;
}

/**
 * The native <dialog> element as a modal: focus is trapped and Escape closes it, with no
 * dependency. `side="right"` makes it the setup drawer.
 */
export function Dialog({ open, onClose, title, children, side = "center" }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const placement = side === "right" ? "m-0 ml-auto h-full max-h-full w-full max-w-2xl rounded-none" : "m-auto w-full max-w-md rounded-lg";
  return (
    <dialog
      ref={ref}
      aria-label={title}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      className={`${placement} bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40`}
    >
      {open ? children : null}
    </dialog>
  );
}
