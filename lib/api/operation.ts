import type { z } from "zod";
import type { Database } from "@/db/client";
import type { ApiPermission, Workspace } from "@/db/schema";
import type { ApiPrincipal } from "@/lib/api-tokens/service";
import type { ClientInfo } from "@/lib/audit/client-info";
import { findUserWorkspace } from "@/lib/workspaces/queries";
import { ApiError } from "./errors";

export type Method = "GET" | "POST" | "PATCH";

/** What an operation answers; the wrapper adds CORS and caching headers. */
export type ApiReply = { status: number; body: unknown; headers?: Record<string, string> };

export type ResponseDoc = { description: string; schema?: z.ZodType };

type Schemas<P, Q, B> = { params?: z.ZodType<P>; query?: z.ZodType<Q>; body?: z.ZodType<B> };

export type OperationContext<P, Q, B> = {
  db: Database;
  principal: ApiPrincipal;
  client: ClientInfo;
  request: Request;
  params: P;
  query: Q;
  body: B;
};

/**
 * One endpoint of /api/v1: its documentation and its code in one place, so the OpenAPI document
 * (lib/api/openapi.ts) is made from the very schemas that check the requests.
 */
export type Operation<P = unknown, Q = unknown, B = unknown> = Schemas<P, Q, B> & {
  operationId: string;
  method: Method;
  /** Under /api/v1, in OpenAPI's template form: /workspaces/{workspaceId}/bookmarks. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  permission: ApiPermission;
  /** The answers besides the errors every endpoint can give (lib/api/openapi.ts adds those). */
  responses: Record<number, ResponseDoc>;
  /** Headers the operation reads besides Authorization, for the document. */
  headers?: Array<{ name: string; description: string }>;
  run: (ctx: OperationContext<P, Q, B>) => Promise<ApiReply>;
};

/**
 * Defines an operation, typed by its own schemas. The answer is type-erased so operations can be
 * listed together; that is sound because the wrapper hands `run` only what those schemas parsed.
 */
export function operation<P, Q, B>(definition: Operation<P, Q, B>): Operation {
  return definition as unknown as Operation;
}

/**
 * An operation on one workspace, loaded through the token's person and scope: someone else's
 * workspace, and one outside the token's scope, answer exactly like one that does not exist.
 */
export function workspaceOperation<P extends { workspaceId: string }, Q, B>(
  definition: Omit<Operation<P, Q, B>, "run"> & { run: (ctx: OperationContext<P, Q, B> & { workspace: Workspace }) => Promise<ApiReply> },
): Operation {
  return operation<P, Q, B>({
    ...definition,
    run: async (ctx) => {
      const { principal, params } = ctx;
      const inScope = principal.workspaceId === null || principal.workspaceId === params.workspaceId;
      const workspace = inScope ? await findUserWorkspace(ctx.db, principal.userId, params.workspaceId) : null;
      if (!workspace) throw new ApiError(404, "not_found", "This workspace was not found.");
      return definition.run({ ...ctx, workspace });
    },
  });
}
