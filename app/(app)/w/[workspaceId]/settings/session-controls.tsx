"use client";

import { signOut } from "next-auth/react";
import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { signOutEverywhereAction } from "./actions";

export function SessionControls() {
  const [pending, start] = useTransition();
  return (
    <div className="flex flex-wrap gap-2">
      <Button onClick={() => void signOut({ callbackUrl: "/" })}>
        Sign out
      </Button>
      <Button
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await signOutEverywhereAction({});
            if (!result.ok) return void toast.error(result.error);
            await signOut({ callbackUrl: "/" });
          })
        }
      >
        {pending ? "Signing out everywhere…" : "Sign out everywhere"}
      </Button>
    </div>
  );
}
