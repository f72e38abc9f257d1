import { APIErrorCode, isHTTPResponseError, RequestTimeoutError } from "@notionhq/client";
import { UserFacingError } from "@/lib/errors";
import { ReconnectRequiredError } from "./client";

/**
 * The one reading of a failed Notion call, shared by what the person is told (describeNotionError)
 * and what the outbox does next (lib/bookmarks/delivery.ts). Null: not a Notion failure.
 */
export type NotionFailure =
  | { kind: "reconnect"; message: string }
  | { kind: "timeout" }
  /** Notion refused the request as such: trying it again gives the same answer. */
  | { kind: "refused"; reason: "validation" | "capability"; message: string }
  | { kind: "not_found" }
  /** Any other answer from Notion; busy and conflict are worth retrying soon, 5xx a little later. */
  | { kind: "answered"; status: number; code: string; message: string; retryAfterSeconds?: number; busy?: "rate" | "conflict" }
  /** No answer: DNS, refused or reset connections. */
  | { kind: "unreachable" };

export function classifyNotionError(error: unknown): NotionFailure | null {
  if (error instanceof ReconnectRequiredError) return { kind: "reconnect", message: error.message };
  if (RequestTimeoutError.isRequestTimeoutError(error)) return { kind: "timeout" };
  if (isHTTPResponseError(error)) {
    switch (error.code) {
      case APIErrorCode.ValidationError:
        return { kind: "refused", reason: "validation", message: error.message };
      case APIErrorCode.RestrictedResource:
        return { kind: "refused", reason: "capability", message: error.message };
      case APIErrorCode.ObjectNotFound:
        return { kind: "not_found" };
    }
    const retryAfterSeconds = Number((error.headers as Headers | undefined)?.get?.("retry-after")) || undefined;
    const busy =
      error.code === APIErrorCode.RateLimited || error.code === APIErrorCode.ServiceOverload
        ? ("rate" as const)
        : error.code === APIErrorCode.ConflictError
          ? ("conflict" as const)
          : undefined;
    return { kind: "answered", status: error.status, code: error.code, message: error.message, retryAfterSeconds, busy };
  }
  // fetch failures (DNS, refused or reset connections) surface as plain TypeErrors.
  if (error instanceof TypeError || (error as { code?: string } | null)?.code === "ECONNRESET") return { kind: "unreachable" };
  return null;
}

/** What a failed Notion call means for the person, and what the screen should offer. */
export type NotionProblem =
  | { kind: "reconnect"; message: string }
  | { kind: "database_gone"; message: string }
  | { kind: "invalid"; message: string }
  | { kind: "busy"; message: string }
  | { kind: "unavailable"; message: string };

export function describeNotionError(error: unknown, what = "Your change was not saved."): NotionProblem | null {
  const failure = classifyNotionError(error);
  switch (failure?.kind) {
    case "reconnect":
      return { kind: "reconnect", message: failure.message };
    case "timeout":
      return { kind: "unavailable", message: `Notion did not answer in time. ${what} Please try again.` };
    case "not_found":
      return {
        kind: "database_gone",
        message: "Notion can't find this bookmark or its database anymore: it was deleted or is no longer shared with Shelf.",
      };
    case "refused":
      return failure.reason === "validation"
        ? { kind: "invalid", message: `Notion refused the change: ${failure.message}` }
        : { kind: "invalid", message: "Shelf's Notion connection lacks the capability for this (it needs to read, insert and update content)." };
    case "answered":
      if (failure.busy === "rate") return { kind: "busy", message: `Notion is busy right now. ${what} Please try again in a minute.` };
      if (failure.busy === "conflict") return { kind: "busy", message: `Notion reported a conflicting edit. ${what} Please try again.` };
      if (failure.status >= 500) return { kind: "unavailable", message: `Notion is unavailable. ${what} Please try again shortly.` };
      return null;
    case "unreachable":
      return { kind: "unavailable", message: `Shelf could not reach Notion. ${what} Please try again.` };
    default:
      return null;
  }
}

/** A Notion failure as an error to show the person, or null when it is not a Notion failure. */
export function notionFailure(error: unknown, what?: string): UserFacingError | null {
  if (error instanceof UserFacingError) return error;
  const problem = describeNotionError(error, what);
  if (!problem) return null;
  return new UserFacingError(problem.message, problem.kind === "reconnect" ? "reconnect_required" : problem.kind);
}
