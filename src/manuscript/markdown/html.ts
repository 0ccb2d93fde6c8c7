/**
 * Raw HTML as Markdown writers type it (`<span class="smallcaps">`, `<br>`, `<img src=…>`,
 * `<!-- notes -->`): a forgiving tokenizer, so the reader can map the tags it knows into the model
 * and drop the rest. Not a browser's parser: tags, comments and text, with entities decoded.
 */

export type HtmlToken =
  | { type: 'open'; name: string; attributes: Record<string, string>; selfClosing: boolean }
  | { type: 'close'; name: string }
  | { type: 'text'; value: string }
  | { type: 'comment'; value: string };

const TAG = /<!--([\s\S]*?)(?:-->|$)|<(\/?)([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>|<![^>]*>|<\?[\s\S]*?\?>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0', mdash: '—', ndash: '–', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', shy: '\u00AD', copy: '©', eacute: 'é',
  egrave: 'è', agrave: 'à', ccedil: 'ç', thinsp: '\u2009', emsp: '\u2003', ensp: '\u2002', middot: '·', sect: '§',
};

/** Character references decoded: named ones a manuscript uses, and every numeric one. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

export function tokenizeHtml(html: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  let last = 0;
  const text = (value: string) => {
    if (value) tokens.push({ type: 'text', value: decodeEntities(value) });
  };
  for (const match of html.matchAll(TAG)) {
    text(html.slice(last, match.index));
    last = match.index + match[0].length;
    if (match[0].startsWith('<!--')) tokens.push({ type: 'comment', value: match[1] ?? '' });
    else if (match[3] === undefined) continue; // a doctype or processing instruction: never text
    else if (match[2]) tokens.push({ type: 'close', name: match[3].toLowerCase() });
    else {
      const attributes: Record<string, string> = {};
      for (const a of (match[4] ?? '').matchAll(ATTRIBUTE)) attributes[a[1]!.toLowerCase()] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '');
      tokens.push({ type: 'open', name: match[3].toLowerCase(), attributes, selfClosing: match[5] === '/' });
    }
  }
  text(html.slice(last));
  return tokens;
}

/** Elements that never hold content (`<br>`, `<img>` …), whether or not they are written `<br/>`. */
export const VOID_ELEMENTS: ReadonlySet<string> = new Set(['br', 'hr', 'img', 'wbr', 'area', 'base', 'col', 'embed', 'input', 'link', 'meta', 'source', 'track']);

/** Elements whose content is not text for a reader: dropped whole. */
export const HIDDEN_ELEMENTS: ReadonlySet<string> = new Set(['script', 'style', 'iframe', 'object', 'noscript', 'template', 'svg', 'math', 'video', 'audio', 'canvas', 'head', 'title']);

/**
 * Keeps count of the hidden elements (script, style …) a stream of tokens is inside: a token is
 * seen only outside them. An element opened in one HTML node may close in a later one.
 */
export class HiddenElements {
  private depth = 0;

  /** Whether the reader sees this token; told of each hidden element as it opens. */
  admits(token: HtmlToken, opened: (name: string) => void): boolean {
    if (this.depth > 0) {
      if (token.type === 'close' && HIDDEN_ELEMENTS.has(token.name)) this.depth--;
      return false;
    }
    if (token.type === 'open' && HIDDEN_ELEMENTS.has(token.name)) {
      opened(token.name);
      if (!token.selfClosing) this.depth++;
      return false;
    }
    return true;
  }

  /** Inside a hidden element: what lies between its tags is not shown either. */
  get inside(): boolean {
    return this.depth > 0;
  }
}

/** A div, p or span centred by `align="center"` or `style="text-align: center"`. */
export function isCentred(attributes: Record<string, string>): boolean {
  return attributes.align?.toLowerCase() === 'center' || /text-align\s*:\s*center/i.test(attributes.style ?? '');
}

export function classesOf(attributes: Record<string, string>): string[] {
  return (attributes.class ?? '').split(/\s+/).filter((c) => /^[A-Za-z_][\w-]*$/.test(c));
}

/** A link a book may carry: the web, mail, or a place in the book; never a script. */
export function isSafeHref(href: string): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href.trim())?.[1]?.toLowerCase();
  return scheme === undefined || scheme === 'http' || scheme === 'https' || scheme === 'mailto' || scheme === 'ftp';
}
