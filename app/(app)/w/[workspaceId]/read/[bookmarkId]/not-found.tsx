import { RouteNotFound } from "@/components/route-states";

export default function NotFound() {
  return <RouteNotFound what="This bookmark" />;
}
