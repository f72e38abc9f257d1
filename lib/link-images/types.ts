/** A bookmark's stored icon and preview as paths on Shelf's origin; absent when none was found. */
export type ImageSources = { icon?: string; preview?: string };
