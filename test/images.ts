import sharp from "sharp";

/** A solid square PNG, for the link-image tests. */
export const pngOf = (size: number, color = "#3366cc") =>
  sharp({ create: { width: size, height: size, channels: 4, background: color } }).png().toBuffer();

/** A JPEG photo-sized picture, for previews. */
export const jpegOf = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: "#cc6633" } }).jpeg().toBuffer();

/** An .ico holding the given images (PNG files or DIBs) as its entries. */
export function icoOf(entries: Array<{ width: number; bytes: Buffer }>): Buffer {
  const header = Buffer.alloc(6 + entries.length * 16);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(entries.length, 4);
  let offset = header.length;
  entries.forEach((entry, i) => {
    const at = 6 + i * 16;
    header[at] = entry.width % 256;
    header[at + 1] = entry.width % 256;
    header.writeUInt16LE(1, at + 4);
    header.writeUInt16LE(32, at + 6);
    header.writeUInt32LE(entry.bytes.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += entry.bytes.length;
  });
  return Buffer.concat([header, ...entries.map((e) => e.bytes)]);
}

/** A 32-bit DIB of one colour (BGRA bottom-up rows, then an empty AND mask), as old .ico files hold. */
export function dibOf(size: number, bgra: [number, number, number, number]): Buffer {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8);
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const pixels = Buffer.alloc(size * size * 4);
  for (let i = 0; i < pixels.length; i += 4) pixels.set(bgra, i);
  return Buffer.concat([header, pixels, Buffer.alloc(Math.ceil(size / 32) * 4 * size)]);
}
