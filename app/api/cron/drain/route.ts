import { getDb } from "@/db/client";
import { handleCronDrain } from "@/lib/background/drain";
import { env } from "@/lib/env";
import { inRequestContext } from "@/lib/log";

export const dynamic = "force-dynamic";
// Vercel's ceiling for this function; the drain itself stops at ?seconds= (default 8, at most 50).
export const maxDuration = 60;

function drain(request: Request) {
  return inRequestContext(async () => {
    const answer = await handleCronDrain(await getDb(), env().cronSecret, request.headers.get("authorization"), new URL(request.url).searchParams);
    return Response.json(answer.body, { status: answer.status });
  });
}

// Vercel Cron calls with GET; other schedulers are told to POST. Both need the secret.
export { drain as GET, drain as POST };
