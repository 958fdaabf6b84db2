export interface OperationView {
  path: string;
  method: string;
  summary: string;
  tags: string[];
  "x-access": string;
  parameters: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[];
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
}

const METHOD_COLOURS: Record<string, string> = {
  GET: "bg-sky-100 text-sky-800",
  POST: "bg-emerald-100 text-emerald-800",
  PUT: "bg-amber-100 text-amber-800",
  PATCH: "bg-amber-100 text-amber-800",
  DELETE: "bg-rose-100 text-rose-800",
};

const typeOf = (schema: Record<string, unknown>) =>
  [schema.type, schema.format, Array.isArray(schema.enum) ? schema.enum.join(" | ") : null, schema.maximum !== undefined ? `≤ ${String(schema.maximum)}` : null]
    .filter(Boolean)
    .join(", ");

/** One operation of the API reference: method, path, who may call it, its parameters and body. */
export function ApiOperation({ operation }: { operation: OperationView }) {
  const body = operation.requestBody?.content["application/json"]?.schema;
  return (
    <li className="rounded-lg border border-slate-200 bg-white">
      <details>
        <summary className="flex cursor-pointer items-center gap-3 px-4 py-2">
          <span className={`w-16 rounded px-2 py-0.5 text-center font-mono text-xs font-semibold ${METHOD_COLOURS[operation.method] ?? ""}`}>
            {operation.method}
          </span>
          <code className="text-sm">{operation.path}</code>
          <span className="truncate text-sm text-slate-600">{operation.summary}</span>
          <span className="ml-auto text-xs text-slate-500">
            {operation["x-access"] === "public" ? "no sign-in" : operation["x-access"] === "admin" ? "administrators" : "signed in"}
          </span>
        </summary>
        <div className="space-y-3 border-t border-slate-100 px-4 py-3 text-sm">
          {operation.parameters.length ? (
            <table className="w-full text-left">
              <thead className="text-xs text-slate-500">
                <tr>
                  <th className="py-1">Parameter</th>
                  <th>In</th>
                  <th>Type</th>
                  <th>Required</th>
                </tr>
              </thead>
              <tbody>
                {operation.parameters.map((p) => (
                  <tr key={`${p.in} ${p.name}`} className="border-t border-slate-100">
                    <td className="py-1 font-mono text-xs">{p.name}</td>
                    <td>{p.in}</td>
                    <td className="text-xs">{typeOf(p.schema)}</td>
                    <td>{p.required ? "yes" : "no"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="text-slate-500">No parameters.</p>
          )}
          {body ? (
            <div>
              <p className="font-medium">JSON body</p>
              <pre className="mt-1 max-h-80 overflow-auto rounded bg-slate-50 p-2 text-xs">{JSON.stringify(body, null, 2)}</pre>
            </div>
          ) : null}
        </div>
      </details>
    </li>
  );
}
