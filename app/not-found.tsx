import Link from "next/link";
import { Logo } from "@/app/_components/logo";
import { Button } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-start justify-center gap-4 px-6">
      <Logo />
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-muted">This page does not exist, or it belongs to someone else.</p>
      <Button asChild>
        <Link href="/">
          Go to Shelf
        </Link>
      </Button>
    </main>
  );
}
