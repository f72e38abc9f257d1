import { handleAuthRequest } from "@/lib/auth/route-handler";

export const dynamic = "force-dynamic";

export { handleAuthRequest as GET, handleAuthRequest as POST };
