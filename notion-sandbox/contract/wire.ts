/** Requests as they go over the wire, for what the SDK hides (headers) or refuses to send. */
import { expect } from "vitest";

export interface RawInit {
  method?: string;
  /** null: no Notion-Version header. */
  version?: string | null;
  /** null: no Authorization header; a string replaces the token. */
  auth?: string | null;
  body?: string;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

export async function rawRequest(baseUrl: string, token: string, path: string, init: RawInit = {}): Promise<RawResponse> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (init.version !== null) headers["notion-version"] = init.version ?? "2025-09-03";
  if (init.auth !== null) headers.authorization = `Bearer ${init.auth ?? token}`;
  const response = await fetch(`${baseUrl}${path}`, { method: init.method ?? "GET", headers, body: init.body });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

/** Notion's error envelope, with the request id in both the body and the x-notion-request-id header. */
export function expectEnvelope(result: RawResponse, status: number, code: string): void {
  expect(result.status).toBe(status);
  expect(result.body).toEqual({
    object: "error",
    status,
    code,
    message: expect.any(String),
    request_id: expect.any(String),
    ...(result.body.additional_data ? { additional_data: expect.anything() } : {}),
  });
  expect(result.headers.get("x-notion-request-id")).toBe(result.body.request_id);
}
