/**
 * Where to return after signing in, from /signin's ?callbackUrl=. Only a path on this site:
 * "//host" and "/\host" are other sites to a browser, and anything else falls back to "/".
 */
export function safeCallbackPath(raw: string | string[] | undefined): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  // Control characters (a tab or newline the URL parser would drop) could turn the path into "//".
  return /[\u0000-\u001f\u007f]/.test(value) ? "/" : value;
}
