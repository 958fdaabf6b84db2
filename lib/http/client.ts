/**
 * Browser-side calls to our own API. Errors come back in the AppError shape; field
 * problems (422) are turned into a map of field name to message for the form.
 * Safe to import from client components.
 */
export interface ApiProblem {
  status: number;
  message: string;
  fields: Record<string, string>;
}

export class ApiError extends Error implements ApiProblem {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: Record<string, string>,
  ) {
    super(message);
  }
}

export async function callApi<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers: init.body === undefined ? undefined : { "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    throw new ApiError(0, "The app could not be reached. Check your connection and try again.", {});
  }
  const data = await response.json().catch(() => null);
  if (response.ok) return data as T;
  const fields: Record<string, string> = {};
  for (const item of (data?.detail ?? []) as { loc: (string | number)[]; msg: string }[]) {
    const name = item.loc.slice(1).join(".");
    if (name && !fields[name]) fields[name] = item.msg;
  }
  throw new ApiError(response.status, data?.message ?? `Request failed (${response.status}).`, fields);
}

/** Field messages from a zod result, keyed like the API's (first message per field). */
export function fieldErrorsOf(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const name = issue.path.map(String).join(".");
    if (!fields[name]) fields[name] = issue.message;
  }
  return fields;
}
