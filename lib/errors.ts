export type ErrorCode =
  | "unauthenticated"
  | "not_found"
  | "invalid"
  | "reconnect_required"
  | "needs_setup"
  | "database_gone"
  | "busy"
  | "unavailable"
  | "rate_limited"
  | "failed";

/**
 * A failure whose message is written for the person and safe to show as is. Server actions pass
 * it through; any other error becomes a generic "something went wrong".
 */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly code: ErrorCode = "failed",
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = "UserFacingError";
  }
}
