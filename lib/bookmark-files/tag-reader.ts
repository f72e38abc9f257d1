import { Tokenizer, type TokenizerCallbacks } from "htmlparser2";

export type TagEvents = {
  /** `start` is the offset of the tag's "<". */
  openTag(name: string, attributes: Record<string, string>, start: number): void;
  /** Only close tags written in the file; nothing is implied. */
  closeTag(name: string): void;
  /** Text with entities decoded, possibly in several pieces. */
  text(data: string): void;
};

const ignore = () => undefined;

/**
 * Streams the tags and text of an HTML document from htmlparser2's tokenizer,
 * without the Parser's tree building: the bookmark reader keeps its own state,
 * and the Parser's element stack costs time in proportion to the nesting depth
 * on every tag, which a file of 100,000 unclosed tags turns into minutes.
 * Tag and attribute names are lower-cased; an attribute's first value wins.
 */
export function readTags(html: string, events: TagEvents): void {
  let name = "";
  let start = 0;
  let attributes: Record<string, string> = {};
  let attributeName = "";
  let attributeValue = "";
  const callbacks: TokenizerCallbacks = {
    onopentagname(from, to) {
      name = html.slice(from, to).toLowerCase();
      start = from - 1;
      attributes = {};
    },
    onattribname(from, to) {
      attributeName = html.slice(from, to).toLowerCase();
      attributeValue = "";
    },
    onattribdata(from, to) {
      attributeValue += html.slice(from, to);
    },
    onattribentity(codepoint) {
      attributeValue += String.fromCodePoint(codepoint);
    },
    onattribend() {
      if (!Object.hasOwn(attributes, attributeName)) {
        attributes[attributeName] = attributeValue;
      }
      attributeValue = "";
    },
    onopentagend() {
      events.openTag(name, attributes, start);
    },
    // HTML has no self-closing tags; <A ... /> is an open tag.
    onselfclosingtag() {
      events.openTag(name, attributes, start);
    },
    onclosetag(from, to) {
      events.closeTag(html.slice(from, to).toLowerCase());
    },
    ontext(from, to) {
      events.text(html.slice(from, to));
    },
    ontextentity(codepoint) {
      events.text(String.fromCodePoint(codepoint));
    },
    oncdata: ignore,
    oncomment: ignore,
    ondeclaration: ignore,
    onend: ignore,
    onprocessinginstruction: ignore,
  };
  const tokenizer = new Tokenizer({ decodeEntities: true }, callbacks);
  tokenizer.write(html);
  tokenizer.end();
}
