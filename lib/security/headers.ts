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

export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
