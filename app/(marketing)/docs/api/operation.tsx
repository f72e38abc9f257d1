type Schema = { type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; description?: string; enum?: unknown[]; $ref?: string; items?: Schema; anyOf?: Schema[] };

export type DocumentedOperation = {
  operationId: string;
  method: string;
  path: string;
  summary: string;
  description?: string;
  "x-shelf-permission": string;
  parameters: Array<{ name: string; in: string; required: boolean; description?: string; schema: Schema }>;
  requestBody?: { content: { "application/json": { schema: Schema } } };
  responses: Record<string, { description: string }>;
};

/** A JSON Schema type in a few words: "string", "string or list of string", "Bookmark". */
function typeName(schema: Schema): string {
  if (schema.$ref) return schema.$ref.split("/").at(-1)!;
  if (schema.enum) return schema.enum.map(String).join(" | ");
  if (schema.anyOf) return schema.anyOf.map(typeName).join(" or ");
  if (schema.type === "array") return `list of ${schema.items ? typeName(schema.items) : "values"}`;
  return Array.isArray(schema.type) ? schema.type.join(" or ") : (schema.type ?? "any");
}

function Fields({ rows }: { rows: Array<{ name: string; where?: string; required: boolean; type: string; description?: string }> }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-muted">
          <tr>
            <th className="py-1 pr-3 font-medium">Name</th>
            <th className="py-1 pr-3 font-medium">Type</th>
            <th className="py-1 font-medium">About</th>
          </tr>
        </thead>
        <tbody className="align-top">
          {rows.map((row) => (
            <tr key={`${row.where}-${row.name}`} className="border-t border-line">
              <td className="py-1 pr-3 font-mono text-xs">
                {row.name}
                {row.where && <span className="text-muted"> ({row.where})</span>}
                {row.required && <span className="text-muted"> required</span>}
              </td>
              <td className="py-1 pr-3 text-xs">{row.type}</td>
              <td className="py-1 text-muted">{row.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ApiOperation({ op }: { op: DocumentedOperation }) {
  const body = op.requestBody?.content["application/json"].schema;
  return (
    <section id={op.operationId} aria-labelledby={`${op.operationId}-title`} className="flex flex-col gap-3 rounded-lg border border-line p-4 sm:p-5">
      <h2 id={`${op.operationId}-title`} className="font-medium">
        {op.summary}
      </h2>
      <p className="break-all font-mono text-sm">
        <span className="mr-2 rounded bg-surface px-1.5 py-0.5 text-xs font-semibold">{op.method}</span>
        {op.path}
      </p>
      {op.description && <p className="text-sm text-muted">{op.description}</p>}
      <p className="text-xs text-muted">Token permission: {op["x-shelf-permission"] === "write" ? "read and write" : "read"}</p>
      {op.parameters.length > 0 && (
        <Fields rows={op.parameters.map((p) => ({ name: p.name, where: p.in, required: p.required, type: typeName(p.schema), description: p.description ?? p.schema.description }))} />
      )}
      {body?.properties && (
        <>
          <h3 className="text-sm font-medium">JSON body</h3>
          <Fields
            rows={Object.entries(body.properties).map(([name, field]) => ({ name, required: body.required?.includes(name) ?? false, type: typeName(field), description: field.description }))}
          />
        </>
      )}
      <h3 className="text-sm font-medium">Answers</h3>
      <ul className="text-sm">
        {Object.entries(op.responses).map(([status, response]) => (
          <li key={status}>
            <span className="font-mono text-xs">{status}</span> <span className="text-muted">{response.description}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
