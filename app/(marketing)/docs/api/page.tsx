import type { Metadata } from "next";
import { openApiDocument } from "@/lib/api/openapi";
import { env } from "@/lib/env";
import { ApiOperation, type DocumentedOperation } from "./operation";

export const metadata: Metadata = { title: "API reference" };
export const dynamic = "force-dynamic";

/** The reference, rendered from the same OpenAPI document /api/v1/openapi.json serves. */
export default function ApiReferencePage() {
  const base = env().nextAuthUrl;
  const doc = openApiDocument(base);
  const server = doc.servers[0]!.url;
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), ...(op as Omit<DocumentedOperation, "path" | "method">) })),
  );
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-8 px-4 py-10 sm:px-6">
      <header className="flex flex-col gap-3">
        <h1 className="text-3xl font-semibold tracking-tight">Shelf API</h1>
        <p className="text-muted">{doc.info.description}</p>
        <p className="text-sm">
          Base address: <code className="break-all rounded bg-surface px-1.5 py-0.5">{server}</code> ·{" "}
          <a href="/api/v1/openapi.json" className="underline underline-offset-2">
            OpenAPI 3.1 document
          </a>
        </p>
        <pre className="overflow-x-auto rounded-md border border-line bg-surface p-3 text-xs">
          <code>{`curl -H "Authorization: Bearer shelf_…" ${server}/workspaces`}</code>
        </pre>
        <p className="text-sm text-muted">
          Errors answer <code>{`{"error": {"code", "message", "fieldErrors"}}`}</code>. Someone else&apos;s ids answer 404, as missing
          ones do. Past the limit of requests per minute the answer is 429 with <code>Retry-After</code>.
        </p>
      </header>
      <nav aria-label="Endpoints">
        <ul className="flex flex-col gap-1 text-sm">
          {operations.map((op) => (
            <li key={op.operationId}>
              <a href={`#${op.operationId}`} className="underline-offset-2 hover:underline">
                <span className="font-mono text-xs text-muted">{op.method}</span> {op.path} — {op.summary}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {operations.map((op) => (
        <ApiOperation key={op.operationId} op={op} />
      ))}
    </div>
  );
}
