import { z } from "zod";
import { operations } from "./endpoints";
import type { Operation } from "./operation";
import { errorSchema } from "./schemas";

export const API_BASE_PATH = "/api/v1";

type JsonSchema = Record<string, unknown>;

// Named schemas (.meta({ id })) go to components and are referenced from there, so the document
// stays readable. zod puts them in $defs with "#/$defs/…" refs, which in an OpenAPI document
// would point at its root: they are moved to components and the refs rewritten.
const registry = z.globalRegistry;

function jsonSchema(schema: z.ZodType, io: "input" | "output", components: Record<string, JsonSchema>): JsonSchema {
  const out = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any", metadata: registry, cycles: "ref", reused: "inline" }) as JsonSchema;
  const { $schema, $defs, ...rest } = out as JsonSchema & { $defs?: Record<string, JsonSchema> };
  void $schema;
  for (const [name, def] of Object.entries($defs ?? {})) components[name] ??= rewriteRefs(def) as JsonSchema;
  const id = registry.get(schema)?.id;
  if (id) {
    components[id] ??= rewriteRefs(rest) as JsonSchema;
    return { $ref: `#/components/schemas/${id}` };
  }
  return rewriteRefs(rest) as JsonSchema;
}

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key, key === "$ref" && typeof v === "string" ? v.replace(/^#\/\$defs\//, "#/components/schemas/") : rewriteRefs(v)]),
  );
}

/** The shape of an object schema (params, query), one entry per field. */
function fields(schema: z.ZodType | undefined): Array<[string, z.ZodType, boolean]> {
  if (!schema || !(schema instanceof z.ZodObject)) return [];
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => [name, field, !field.safeParse(undefined).success]);
}

function parameters(op: Operation, components: Record<string, JsonSchema>) {
  const path = fields(op.params).map(([name, field]) => ({ name, in: "path", required: true, schema: jsonSchema(field, "input", components), description: field.description }));
  const query = fields(op.query).map(([name, field, required]) => ({ name, in: "query", required, schema: jsonSchema(field, "input", components), description: field.description }));
  const headers = (op.headers ?? []).map((h) => ({ name: h.name, in: "header", required: false, schema: { type: "string" }, description: h.description }));
  return [...path, ...query, ...headers];
}

const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });

function responses(op: Operation, components: Record<string, JsonSchema>) {
  const out: Record<string, unknown> = {};
  for (const [status, doc] of Object.entries(op.responses)) {
    out[status] = doc.schema ? { description: doc.description, content: { "application/json": { schema: jsonSchema(doc.schema, "output", components) } } } : errorResponse(doc.description);
  }
  if (op.params || op.query || op.body) out["400"] ??= errorResponse("The input is not valid; fieldErrors names each problem.");
  out["401"] = errorResponse("No token, or one that is unknown, revoked or expired.");
  if (op.permission === "write") out["403"] = errorResponse("The token can only read.");
  if (op.path.includes("{workspaceId}")) out["404"] ??= errorResponse("No such workspace or bookmark among the token's (someone else's answer the same).");
  out["429"] = {
    ...errorResponse("Too many requests; wait as long as Retry-After says."),
    headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
  };
  return out;
}

/** The OpenAPI 3.1 document of /api/v1, made from the operations' own zod schemas. */
export function openApiDocument(serverUrl?: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  const schemas: Record<string, JsonSchema> = {};
  jsonSchema(errorSchema, "output", schemas);
  for (const op of operations) {
    const body = op.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(op.body, "input", schemas) } } } } : {};
    paths[op.path] ??= {};
    paths[op.path]![op.method.toLowerCase()] = {
      operationId: op.operationId,
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      tags: [op.tag],
      "x-shelf-permission": op.permission,
      parameters: parameters(op, schemas),
      ...body,
      responses: responses(op, schemas),
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Shelf API",
      version: "1.0.0",
      description: "Save, find and change your bookmarks from scripts, Shortcuts and the browser extension. Create a personal API token in Shelf's settings and send it as `Authorization: Bearer shelf_…`.",
    },
    servers: [{ url: `${serverUrl ?? ""}${API_BASE_PATH}` }],
    security: [{ bearer: [] }],
    tags: [{ name: "Workspaces" }, { name: "Bookmarks" }, { name: "Tags" }],
    paths,
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "A personal API token (shelf_…) from Settings." } },
      schemas,
    },
  };
}
