import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { dibOf, icoOf, jpegOf, pngOf } from "@/test/images";
import { ImageRefused, processImage, sniff } from "./process";

const refusal = (promise: Promise<unknown>) => promise.then(() => "accepted", (error: unknown) => (error instanceof ImageRefused ? error.reason : String(error)));

describe("processImage", () => {
  it("re-encodes an icon as WebP of at most 64 px, and a preview at most 600 px wide", async () => {
    const icon = await processImage("icon", await pngOf(180));
    expect(icon).toMatchObject({ contentType: "image/webp", width: 64, height: 64 });
    expect(sniff(icon.bytes)).toBe("webp");
    const preview = await processImage("preview", await jpegOf(1200, 630));
    expect(preview).toMatchObject({ width: 600, height: 315 });
    // Small icons are not blown up.
    expect(await processImage("icon", await pngOf(16))).toMatchObject({ width: 16, height: 16 });
  });

  it("judges the type by the bytes and refuses SVG, HTML and broken images", async () => {
    expect(await refusal(processImage("icon", Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>')))).toBe("wrong-type");
    expect(await refusal(processImage("icon", Buffer.from("<html><script>alert(1)</script></html>")))).toBe("wrong-type");
    const png = await pngOf(32);
    expect(await refusal(processImage("icon", png.subarray(0, 40)))).toBe("undecodable");
    expect(await refusal(processImage("preview", icoOf([{ width: 32, bytes: png }])))).toBe("wrong-type");
  });

  it("caps the bytes before decoding: an icon at 64 KB, a preview at 1 MB", async () => {
    const big = Buffer.concat([await pngOf(8), Buffer.alloc(64 * 1024)]);
    expect(await refusal(processImage("icon", big))).toBe("too-large");
    expect(await refusal(processImage("preview", Buffer.concat([await jpegOf(8, 8), Buffer.alloc(1024 * 1024)])))).toBe("too-large");
  });

  it("refuses a picture that claims more pixels than it may decode", async () => {
    const bomb = await sharp({ create: { width: 5000, height: 5000, channels: 3, background: "#fff" } }).png({ compressionLevel: 9 }).toBuffer();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await refusal(processImage("preview", bomb))).toBe("undecodable");
  });

  it("reads the largest PNG or 32-bit entry of an .ico, and refuses one with neither", async () => {
    const fromPng = await processImage("icon", icoOf([{ width: 16, bytes: await pngOf(16) }, { width: 48, bytes: await pngOf(48, "#ff0000") }]));
    expect(fromPng).toMatchObject({ width: 48, height: 48 });
    const fromDib = await processImage("icon", icoOf([{ width: 32, bytes: dibOf(32, [0, 0, 255, 255]) }]));
    expect(fromDib).toMatchObject({ width: 32, height: 32 });
    const { data } = await sharp(fromDib.bytes).raw().toBuffer({ resolveWithObject: true });
    // BGRA red came out red (WebP is lossy, so within a few levels).
    const [r, g, b, a] = [...data.subarray(0, 4)];
    expect({ r: r! > 245, g: g! < 10, b: b! < 10, a }).toEqual({ r: true, g: true, b: true, a: 255 });
    const eightBit = dibOf(16, [0, 0, 0, 0]);
    eightBit.writeUInt16LE(8, 14);
    expect(await refusal(processImage("icon", icoOf([{ width: 16, bytes: eightBit }])))).toBe("undecodable");
  });
});
