/** A file Shelf cannot import as a whole; the message is shown to the person as is. */
export class BookmarkFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BookmarkFileError";
  }
}
