export const REQUEST_ID_HEADER = "x-request-id";

// Strict, because the id is echoed into every log line and a response header: no spaces, quotes,
// newlines or separators a log reader could be fooled by.
const SAFE_REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;

export function isSafeRequestId(id: string): boolean {
  return SAFE_REQUEST_ID.test(id);
}

/** The id a proxy in front of Shelf already gave the request, when it is safe to reuse; otherwise a new one. */
export function requestIdFor(incoming: string | null): string {
  return incoming && isSafeRequestId(incoming) ? incoming : crypto.randomUUID();
}
