import { requireUser } from "@/lib/auth";
import { apiDescription } from "@/app/api/api-description";
import { ApiOperation, type OperationView } from "@/components/api-docs/api-operation";

export const dynamic = "force-dynamic";

/** The API reference: /api/openapi.json rendered, grouped by the first path segment. */
export default async function ApiDocsPage() {
  await requireUser();
  const doc = apiDescription();
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), ...(op as Omit<OperationView, "path" | "method">) })),
  );
  const groups = [...new Set(operations.map((o) => o.tags[0]!))];
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">API reference</h1>
        <p className="mt-1 text-sm text-slate-600">
          Every route of this app, generated from the schemas the routes parse with. Send a personal API key as{" "}
          <code className="rounded bg-slate-100 px-1">Authorization: Bearer &lt;key&gt;</code>. Machine-readable:{" "}
          <a href="/api/openapi.json" className="font-medium text-blue-700 hover:underline">
            /api/openapi.json
          </a>{" "}
          (OpenAPI {doc.openapi}).
        </p>
      </div>
      {groups.map((group) => (
        <div key={group}>
          <h2 className="text-base font-semibold">{group}</h2>
          <ul className="mt-2 space-y-2">
            {operations
              .filter((o) => o.tags[0] === group)
              .map((o) => (
                <ApiOperation key={`${o.method} ${o.path}`} operation={o} />
              ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
