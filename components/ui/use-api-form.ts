"use client";

import { useState } from "react";
import { ApiError, fieldErrorsOf } from "@/lib/http/client";

/**
 * The state every form that posts to our API shares: per-field messages (from the zod check
 * in the browser or the API's 422), one general message, and a busy flag.
 */
export function useApiForm() {
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** Shows the zod issues found before sending anything. */
  function reject(issues: { path: PropertyKey[]; message: string }[]) {
    setFields(fieldErrorsOf(issues));
  }

  /** Runs the request; an API error lands on its fields, or as the general message. */
  async function submit(work: () => Promise<void>): Promise<boolean> {
    setFields({});
    setMessage(null);
    setBusy(true);
    try {
      await work();
      return true;
    } catch (err) {
      if (err instanceof ApiError) {
        setFields(err.fields);
        if (!Object.keys(err.fields).length) setMessage(err.message);
      } else {
        setMessage("Something went wrong. Try again.");
      }
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { fields, message, busy, reject, submit, setMessage };
}
