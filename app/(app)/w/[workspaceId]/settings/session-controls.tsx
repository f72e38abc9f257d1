"use client";

import { signOut } from "next-auth/react";
import { useTransition } from "react";
import { toast } from "sonner";
import { secondaryButton } from "@/app/_components/button-styles";
import { signOutEverywhereAction } from "./actions";

export function SessionControls() {
  const [pending, start] = useTransition();
  return (
    <div className="flex flex-wrap gap-2">
      <button type="button" className={secondaryButton} onClick={() => void signOut({ callbackUrl: "/" })}>
        Sign out
      </button>
      <button
        type="button"
        className={secondaryButton}
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
      </button>
    </div>
  );
}
