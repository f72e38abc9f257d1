"use client";

import { Loader2 } from "lucide-react";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { NotionMark } from "./notion-mark";

/** Starts Notion's OAuth flow. Signed in already, the same flow connects another workspace. */
export function SignInButton({
  children = "Sign in with Notion",
  callbackUrl = "/",
  variant = "primary",
  className,
}: {
  children?: React.ReactNode;
  callbackUrl?: string;
  variant?: ButtonProps["variant"];
  className?: string;
}) {
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant={variant}
      className={className}
      disabled={pending}
      aria-busy={pending}
      onClick={() => {
        setPending(true);
        void signIn("notion", { callbackUrl }).catch(() => setPending(false));
      }}
    >
      {pending ? <Loader2 className="size-4 animate-spin" aria-hidden /> : <NotionMark />}
      {children}
    </Button>
  );
}
