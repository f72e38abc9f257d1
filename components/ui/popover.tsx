"use client";

import * as PopoverPrimitive from "@radix-ui/react-popover";
import { cn } from "./cn";

export const Popover = PopoverPrimitive.Root;
export const PopoverTrigger = PopoverPrimitive.Trigger;

/**
 * A floating panel for controls a menu can't hold (a search box, checkboxes): a menu's items must
 * all be menu items, a popover's content is ordinary form controls reached with Tab.
 */
export function PopoverContent({ className, sideOffset = 4, ...props }: React.ComponentProps<typeof PopoverPrimitive.Content>) {
  return (
    <PopoverPrimitive.Portal>
      <PopoverPrimitive.Content
        sideOffset={sideOffset}
        className={cn("z-50 min-w-56 rounded-lg border border-line bg-raised p-1 text-sm text-ink shadow-lg outline-none", className)}
        {...props}
      />
    </PopoverPrimitive.Portal>
  );
}
