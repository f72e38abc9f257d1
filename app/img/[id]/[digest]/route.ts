import { serveImage } from "@/lib/link-images/serve";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string; digest: string }> }) {
  return serveImage(await params);
}
