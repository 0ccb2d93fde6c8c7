// What epub-gen-memory gets for node-fetch (see no-fetch.ts): a build never fetches.

/** node-fetch's place, taken: every call is refused. */
export default function refuse(): Promise<never> {
  return Promise.reject(new Error('a build never fetches: every image is a file of the book'));
}
