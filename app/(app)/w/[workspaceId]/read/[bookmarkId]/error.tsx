"use client";

import { RouteError, type RouteErrorProps } from "@/components/route-states";

export default function Error(props: RouteErrorProps) {
  return <RouteError {...props} what="This article" />;
}
