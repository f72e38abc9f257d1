/** The largest bookmark file Shelf reads; also what the upload's request may carry (proxy.ts). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export const TOO_BIG_MESSAGE = `This file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB. Split it into smaller files and import them one by one.`;
