// Each store's address for a book, from the id the author gives; one table, so a newcomer finds it.
import type { Store, StoreLinks } from './index.ts';

/** A store edition's link for a book: its store's page, else the universal link, else none. */
export function storeAddress(links: StoreLinks, store: Store): string | undefined {
  const own = {
    kindle: links.amazon && `https://www.amazon.com/dp/${encodeURIComponent(links.amazon)}`,
    apple: links.apple && `https://books.apple.com/book/id${encodeURIComponent(links.apple.replace(/^id/, ''))}`,
    kobo: links.kobo && `https://www.kobo.com/ebook/${encodeURIComponent(links.kobo)}`,
    google: links.google && `https://play.google.com/store/books/details?id=${encodeURIComponent(links.google)}`,
    // B&N finds a book by its EAN wherever its page is.
    bn: links.bn && `https://www.barnesandnoble.com/w/?ean=${encodeURIComponent(links.bn)}`,
    generic: undefined,
  }[store];
  return own || links.universal || undefined;
}

/** The stores, in the order their editions are written. */
export const STORES: readonly Store[] = ['kindle', 'apple', 'kobo', 'google', 'bn', 'generic'];
