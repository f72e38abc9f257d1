/**
 * The security headers of every page and route. Scripts run only with the per-request nonce (Next
 * puts it on its own scripts when it sees it in the request's CSP); styles may be inline because
 * Radix and sonner position elements with style attributes. Images: our own, data: URLs (avatars
 * Notion and the sandbox hand out) and the hosts Notion serves avatars and workspace icons from.
 */
const NOTION_IMAGE_HOSTS = [
  "https://*.notion.so",
  "https://*.notion-static.com",
  "https://*.amazonaws.com",
  "https://lh3.googleusercontent.com",
];

export function contentSecurityPolicy(nonce: string, options: { development: boolean }): string {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic' lets the nonced Next scripts load their chunks; dev adds eval for fast refresh.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${NOTION_IMAGE_HOSTS.join(" ")}`,
    "font-src 'self'",
    `connect-src 'self'${options.development ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}

export function securityHeaders(
  nonce: string,
  options: { development: boolean; production: boolean },
): { "Content-Security-Policy": string } & Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(nonce, options),
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
    ...(options.production ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/** The CSP of what proxy.ts never sees: no nonce can be made for it, so no script runs there at all. */
export const STATIC_CONTENT_SECURITY_POLICY =
  "default-src 'none'; img-src 'self'; style-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The paths proxy.ts's matcher skips (static assets need no nonce, and running the proxy for each
 * would cost every asset request), with their headers, for next.config.ts's `headers()`: the same
 * protections as every page, with the scriptless CSP. Anything else, 404s included, goes through
 * proxy.ts.
 */
export const PROXY_SKIPPED_PATHS = ["/_next/static/:path*", "/_next/image", "/favicon.ico"];

export function staticSecurityHeaders(options: { production: boolean }): Array<{ key: string; value: string }> {
  const headers = { ...securityHeaders("", { development: false, production: options.production }), "Content-Security-Policy": STATIC_CONTENT_SECURITY_POLICY };
  return Object.entries(headers).map(([key, value]) => ({ key, value }));
}

export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
