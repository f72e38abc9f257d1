import "server-only";
import { headers } from "next/headers";
import { clientInfo, type ClientInfo } from "./client-info";

/** The client of the request being served (a route handler, a server action, a page). */
export async function requestClientInfo(): Promise<ClientInfo> {
  return clientInfo(await headers());
}
