// "Connect with Shelf" (docs/decisions/029-extension-connects-itself.md): a PKCE-style exchange.
// The verifier never leaves the extension; Shelf only ever sees its SHA-256 until the person has
// confirmed, and then gives the token to whoever proves the verifier, once.

const POLL_MS = 1_500;
// Shelf forgets an unanswered request after ten minutes; waiting longer is pointless.
const GIVE_UP_MS = 10 * 60_000;

const base64url = (bytes: ArrayBuffer | Uint8Array) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");

export type ConnectRequest = { verifier: string; challenge: string; code: string };

export async function newConnectRequest(): Promise<ConnectRequest> {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const challenge = base64url(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier)));
  // The same code Shelf's confirmation page shows (lib/api-tokens/schema.ts pairingCode).
  return { verifier, challenge, code: `${challenge.slice(0, 4)}-${challenge.slice(4, 8)}` };
}

export function browserName(userAgent = navigator.userAgent): string {
  if (/Firefox\//.test(userAgent)) return "Firefox";
  if (/Edg\//.test(userAgent)) return "Edge";
  return "Chrome";
}

export const confirmUrl = (origin: string, request: ConnectRequest) =>
  `${origin}/connect/extension?${new URLSearchParams({ challenge: request.challenge, browser: browserName() })}`;

/** Waits for the person to confirm in Shelf, then collects the token; throws with words for the options page. */
export async function collectToken(origin: string, request: ConnectRequest, signal: AbortSignal): Promise<string> {
  const deadline = Date.now() + GIVE_UP_MS;
  while (Date.now() < deadline) {
    signal.throwIfAborted();
    const response = await fetch(`${origin}/api/extension/token`, {
      method: "POST",
      credentials: "omit",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ verifier: request.verifier }),
    }).catch(() => null);
    if (response?.status === 200) return ((await response.json()) as { token: string }).token;
    if (response?.status === 410) throw new Error("That request expired or was used already. Press Connect with Shelf again.");
    // 202 (not confirmed yet), a busy server or a dropped connection: ask again shortly.
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error("Shelf was not confirmed in time. Press Connect with Shelf again.");
}
