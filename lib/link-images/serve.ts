import { getDb } from "@/db/client";
import { currentUser } from "@/lib/auth/session";
import { imageForPerson } from "./queries";

const NOT_FOUND_HEADERS = { "cache-control": "private, no-store", "x-content-type-options": "nosniff" };

/**
 * GET /img/<id>/<digest>: a site icon or preview Shelf re-encoded, for a person one of whose
 * bookmarks shows it. The path changes with the bytes, so the answer is cached for a year
 * (private: it is behind sign-in). Anything else, someone else's image included, is a bare 404.
 */
export async function serveImage(params: { id: string; digest: string }): Promise<Response> {
  const id = /^\d{1,10}$/.test(params.id) ? Number(params.id) : NaN;
  const user = Number.isSafeInteger(id) && /^[0-9a-f]{12}$/.test(params.digest) ? await currentUser() : null;
  const image = user ? await imageForPerson(await getDb(), user.id, id, params.digest) : null;
  if (!image) return new Response("Not found", { status: 404, headers: { ...NOT_FOUND_HEADERS, "content-type": "text/plain; charset=utf-8" } });
  return new Response(new Uint8Array(image.bytes), {
    headers: {
      "content-type": image.contentType,
      "content-length": String(image.bytes.length),
      "cache-control": "private, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
      // Drawn by Shelf, but a stray navigation to it still gets no power to run anything.
      "content-security-policy": "default-src 'none'; sandbox",
    },
  });
}
