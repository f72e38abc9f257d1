import fs from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { expect, it } from "vitest";
import { operations } from "./endpoints";
import type { Operation } from "./operation";
import { API_BASE_PATH, openApiDocument } from "./openapi";

const API_DIR = path.join(process.cwd(), "app", "api", "v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every route file under app/api/v1, as its OpenAPI path ("[workspaceId]" becomes "{workspaceId}"). */
function routeFiles(dir = API_DIR): Array<{ file: string; path: string }> {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    if (entry.name !== "route.ts") return [];
    const route = path.relative(API_DIR, path.dirname(full)).split(path.sep).map((part) => part.replace(/^\[(\w+)\]$/, "{$1}"));
    return [{ file: full, path: `/${route.join("/")}`.replace(/\/$/, "") || "/" }];
  });
}

it("is a valid OpenAPI 3.1 document", async () => {
  const validator = new Validator();
  const result = await validator.validate(structuredClone(openApiDocument("https://shelf.example")) as unknown as Record<string, unknown>);
  expect(result.errors ?? []).toEqual([]);
  expect(result.valid).toBe(true);
  expect(validator.version).toBe("3.1");
  // The validator does refuse a broken document.
  const broken = await new Validator().validate({ ...openApiDocument(), paths: { "/x": { get: { responses: 5 } } } } as unknown as Record<string, unknown>);
  expect(broken.valid).toBe(false);
});

it("documents exactly the routes app/api/v1 serves, each with the operation its route file uses", async () => {
  const doc = openApiDocument();
  const served: string[] = [];
  for (const { file, path: route } of routeFiles()) {
    if (route === "/openapi.json") continue;
    const routeModule = (await import(file)) as Record<string, { operation?: Operation } | undefined>;
    for (const method of METHODS) {
      const handler = routeModule[method];
      if (!handler) continue;
      served.push(`${method} ${route}`);
      const documented = doc.paths[route]?.[method.toLowerCase()] as { operationId?: string } | undefined;
      expect(documented, `${method} ${route} is documented`).toBeDefined();
      expect(handler.operation?.operationId, `${method} ${route} serves the documented operation`).toBe(documented?.operationId);
    }
    expect(routeModule.OPTIONS, `${route} answers CORS preflights`).toBeDefined();
  }
  const documented = Object.entries(doc.paths).flatMap(([route, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${route}`));
  expect(served.sort()).toEqual(documented.sort());
  expect(operations).toHaveLength(documented.length);
  expect(doc.servers[0]!.url).toBe(API_BASE_PATH);
});
