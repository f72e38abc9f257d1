import { AlreadySavedError, UserFacingError, type ErrorCode } from "@/lib/errors";
import type { Bookmark } from "@/lib/bookmarks/types";

export type ApiErrorCode = ErrorCode | "forbidden" | "idempotency_mismatch" | "in_progress" | "too_large";

/** A refusal particular to the API, with its HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly extra: { fieldErrors?: Record<string, string>; headers?: Record<string, string>; bookmark?: Bookmark } = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

// The service's refusals in HTTP terms. A workspace in the wrong state is a conflict with that state.
const STATUS: Record<ErrorCode, number> = {
  unauthenticated: 401,
  not_found: 404,
  invalid: 400,
  duplicate: 409,
  reconnect_required: 409,
  needs_setup: 409,
  database_gone: 409,
  rate_limited: 429,
  busy: 503,
  unavailable: 503,
  failed: 500,
};

/** The error body every endpoint answers with. */
export function errorBody(code: ApiErrorCode, message: string, fieldErrors?: Record<string, string>) {
  return { error: { code, message, ...(fieldErrors ? { fieldErrors } : {}) } };
}

export function fromServiceError(error: UserFacingError): ApiError {
  if (error instanceof AlreadySavedError) return new ApiError(409, "duplicate", error.message);
  return new ApiError(STATUS[error.code], error.code, error.message, { fieldErrors: error.fieldErrors });
}
