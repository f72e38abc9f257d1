/**
 * Errors as Notion sends them. API errors use the envelope
 * `{object:"error", status, code, message, request_id}`; OAuth token-endpoint errors use the
 * RFC 6749 shape `{error, error_description, request_id}` (UNCONFIRMED in Notion's docs, see README).
 */

export type NotionErrorCode =
  | "invalid_json"
  | "invalid_request_url"
  | "invalid_request"
  | "validation_error"
  | "missing_version"
  | "unauthorized"
  | "restricted_resource"
  | "object_not_found"
  | "conflict_error"
  | "rate_limited"
  | "internal_server_error"
  | "bad_gateway"
  | "service_unavailable"
  | "gateway_timeout"
  | "service_overload";

export class NotionError extends Error {
  constructor(
    readonly status: number,
    readonly code: NotionErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly additionalData?: Record<string, unknown>,
  ) {
    super(message);
  }

  body(requestId: string) {
    return {
      object: "error" as const,
      status: this.status,
      code: this.code,
      message: this.message,
      request_id: requestId,
      ...(this.additionalData ? { additional_data: this.additionalData } : {}),
    };
  }
}

export type OAuthErrorCode = "invalid_request" | "invalid_client" | "invalid_grant" | "unsupported_grant_type";

export class OAuthError extends Error {
  constructor(
    readonly status: 400 | 401,
    readonly code: OAuthErrorCode,
    readonly description: string,
  ) {
    super(description);
  }

  body(requestId: string) {
    return { error: this.code, error_description: this.description, request_id: requestId };
  }
}

export const validationError = (message: string) => new NotionError(400, "validation_error", message);

export const invalidRequestUrl = () => new NotionError(400, "invalid_request_url", "Invalid request URL.");

export const unauthorized = () => new NotionError(401, "unauthorized", "API token is invalid.");

export type ObjectKind = "page" | "database" | "data_source" | "block" | "user";

export const objectNotFound = (kind: ObjectKind, id: string) =>
  new NotionError(
    404,
    "object_not_found",
    `Could not find ${kind} with ID: ${id}. Make sure the relevant pages and databases are shared with your integration.`,
  );

/** Notion's answer to editing something in the trash. */
export const archivedError = () =>
  validationError("Can't edit block that is archived. You must unarchive the block before editing.");

export const rateLimited = (retryAfterSeconds: number) =>
  new NotionError(
    429,
    "rate_limited",
    "You have been rate limited. Please try again in a few minutes.",
    { "retry-after": String(retryAfterSeconds) },
    { rate_limit_reason: "public_api_request_rate_limit" },
  );
