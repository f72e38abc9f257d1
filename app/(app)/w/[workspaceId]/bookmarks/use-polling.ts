"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Re-renders the server view every `ms` while `active`: for work that finishes in the background. */
export function usePolling(active: boolean, ms = 1500) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), ms);
    return () => clearInterval(timer);
  }, [active, ms, router]);
}
