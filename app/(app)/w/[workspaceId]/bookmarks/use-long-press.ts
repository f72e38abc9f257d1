"use client";

import { useRef } from "react";

/** How long a finger rests on a row before its actions open (Android's and iOS's own long-press is ~500 ms). */
export const LONG_PRESS_MS = 500;
/** A finger that moves further than this is scrolling, not pressing. */
const SLOP_PX = 10;

/**
 * Handlers for a row that opens its actions on a long press with a finger or pen, or on the
 * keyboard's context-menu key (Shift+F10). A mouse keeps its hover buttons and its own context
 * menu. The press that opened the actions does not also click the link under the finger.
 */
export function useLongPress(onLongPress: () => void) {
  const press = useRef<{ timer: ReturnType<typeof setTimeout>; x: number; y: number } | null>(null);
  const fired = useRef(false);
  const cancel = () => {
    if (press.current) clearTimeout(press.current.timer);
    press.current = null;
  };
  return {
    onPointerDown(event: React.PointerEvent) {
      fired.current = false;
      // Buttons and fields keep their own press; a link (the title, a tag) is part of the row.
      if (event.pointerType === "mouse" || (event.target as Element).closest("button, input, select, textarea, label")) return;
      cancel();
      const timer = setTimeout(() => {
        press.current = null;
        fired.current = true;
        onLongPress();
      }, LONG_PRESS_MS);
      press.current = { timer, x: event.clientX, y: event.clientY };
    },
    onPointerMove(event: React.PointerEvent) {
      const start = press.current;
      if (start && Math.hypot(event.clientX - start.x, event.clientY - start.y) > SLOP_PX) cancel();
    },
    onPointerUp: cancel,
    onPointerCancel: cancel,
    onClickCapture(event: React.MouseEvent) {
      if (!fired.current) return;
      fired.current = false;
      event.preventDefault();
      event.stopPropagation();
    },
    onContextMenu(event: React.MouseEvent) {
      // The browser's own long-press menu (copy link, open in new tab) would cover Shelf's.
      if (press.current || fired.current) event.preventDefault();
    },
    onKeyDown(event: React.KeyboardEvent) {
      if (event.key === "ContextMenu" || (event.shiftKey && event.key === "F10")) {
        event.preventDefault();
        onLongPress();
      }
    },
  };
}
