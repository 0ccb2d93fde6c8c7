// Book-like defaults that respect the reader's own font, size and colours: no fixed colours,
// no margins on body text, sizes in em.
// Blocks after which a paragraph is not indented; a print page's marker between them changes nothing.
const NO_INDENT_AFTER = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'ul', 'ol', 'pre', 'table', 'div', 'figure'];
const PAGE_BREAK = '[role="doc-pagebreak"]';

export const STYLESHEET = `@charset "UTF-8";

body {
  hyphens: auto;
  -epub-hyphens: auto;
  -webkit-hyphens: auto;
  widows: 2;
  orphans: 2;
}

section > h1 {
  font-size: 1.4em;
  font-weight: normal;
  text-align: center;
  margin: 3em 0 2em;
  page-break-before: always;
  break-before: page;
  page-break-after: avoid;
  break-after: avoid;
  hyphens: none;
  -epub-hyphens: none;
  -webkit-hyphens: none;
}

h2, h3, h4, h5, h6 {
  font-size: 1.1em;
  font-weight: normal;
  font-style: italic;
  text-align: center;
  margin: 1.5em 0 1em;
  page-break-after: avoid;
  break-after: avoid;
}

p {
  margin: 0;
  text-indent: 1.5em;
  text-align: justify;
}

${NO_INDENT_AFTER.map((block) => `${block} + p`).join(', ')}, p:first-child,
${NO_INDENT_AFTER.map((block) => `${block} + ${PAGE_BREAK} + p`).join(', ')}, ${PAGE_BREAK}:first-child + p {
  text-indent: 0;
}

hr.scene-break {
  border: none;
  height: auto;
  margin: 1em 0;
  text-align: center;
  overflow: visible;
}

hr.scene-break::after {
  content: "*\\2003*\\2003*";
  display: block;
  text-align: center;
}

blockquote {
  margin: 1em 2em;
}

blockquote p {
  text-indent: 0;
}

blockquote p + p {
  margin-top: 0.5em;
}

code {
  font-family: monospace;
  hyphens: none;
}

pre {
  margin: 1em 0;
  white-space: pre-wrap;
  text-align: left;
  font-size: 0.85em;
  hyphens: none;
  -epub-hyphens: none;
  -webkit-hyphens: none;
}

ul, ol {
  margin: 1em 0;
  padding-left: 2em;
}

li p, li + li p {
  text-indent: 0;
}

li ul, li ol {
  margin: 0;
}

ul.tasks {
  list-style: none;
}

.task {
  float: left;
  margin-left: -1.3em;
}

table {
  border-collapse: collapse;
  margin: 1em auto;
  font-size: 0.9em;
}

th, td {
  border-top: 1px solid;
  border-bottom: 1px solid;
  padding: 0.2em 0.5em;
  vertical-align: top;
  hyphens: none;
  -epub-hyphens: none;
  -webkit-hyphens: none;
}

th {
  font-weight: bold;
}

.align-left {
  text-align: left;
}

.align-center {
  text-align: center;
}

.align-right {
  text-align: right;
}

div.center p, p.center, .center {
  text-align: center;
  text-indent: 0;
}

.verse {
  margin: 1em 0 1em 2em;
  text-align: left;
}

.verse .stanza {
  margin-bottom: 1em;
  page-break-inside: avoid;
  break-inside: avoid;
}

.verse p.line {
  text-indent: -2em;
  padding-left: 2em;
  text-align: left;
  hyphens: none;
  -epub-hyphens: none;
  -webkit-hyphens: none;
}

.smallcaps {
  font-variant: small-caps;
}

/* Note marks do not open the lines they sit on. */
sup {
  font-size: 0.75em;
  line-height: 0;
  vertical-align: super;
}

a.noteref, a.note-number {
  text-decoration: none;
}

/* The note's number links back to its mark: set bold, it stands apart from the note's words by more than colour (Ace: link-in-text-block). */
a.note-number {
  font-weight: bold;
}

section.footnotes {
  margin-top: 2em;
}

hr.notes-rule {
  width: 25%;
  margin: 0 auto 0.5em 0;
  border: none;
  border-top: 1px solid;
}

.note p, .endnotes p {
  font-size: 0.9em;
  text-indent: 0;
  margin: 0.4em 0 0;
}

.note p + p, .endnotes li p + p {
  text-indent: 1.5em;
  margin-top: 0;
}

ol.endnotes {
  list-style: none;
  margin: 0;
  padding: 0;
}

.small {
  font-size: 0.85em;
}

.chapter-subtitle {
  font-style: italic;
  text-align: center;
  text-indent: 0;
  margin: -1em 0 1em;
}

.byline {
  font-variant: small-caps;
  text-align: center;
  text-indent: 0;
  margin: -0.5em 0 2em;
}

.titlepage {
  text-align: center;
  margin-top: 3em;
}

.titlepage h1 {
  font-size: 1.8em;
  font-weight: normal;
  margin: 0 0 0.5em;
}

.titlepage .subtitle {
  font-size: 1.2em;
  font-style: italic;
  text-indent: 0;
  text-align: center;
  margin-bottom: 2em;
}

.titlepage .author {
  font-size: 1.2em;
  text-indent: 0;
  text-align: center;
  font-variant: small-caps;
}

.cover {
  text-align: center;
  margin: 0;
  padding: 0;
}

.cover img {
  display: block;
  margin: 0 auto;
  width: auto;
  height: auto;
  max-width: 100%;
  /* The page less the margins a reading system may keep: the whole cover on one page. */
  max-height: 95vh;
  object-fit: contain;
}

/* The contents: its heading as every division's, parts' chapters indented under them. */
nav#toc > h1 {
  font-size: 1.4em;
  font-weight: normal;
  text-align: center;
  margin: 3em 0 2em;
}

/* The landmarks and page list are for the reading system's menus: converters that ignore hidden (Calibre's Kindle output) must not print them. */
nav[hidden], nav#landmarks, nav#page-list {
  display: none;
}

nav ol {
  list-style: none;
  padding: 0;
  margin: 0;
}

nav#toc li {
  margin: 0.4em 0;
}

nav#toc ol ol {
  padding-left: 1.5em;
}

nav#toc li > a + ol {
  margin-top: 0.4em;
}

.part {
  text-align: center;
}

.part > h1 {
  font-size: 1.6em;
  font-variant: small-caps;
  margin-top: 30%;
}

.dedication, .epigraph {
  margin: 4em 10% 0;
  page-break-before: always;
  break-before: page;
}

.dedication p {
  text-indent: 0;
  text-align: center;
  font-style: italic;
}

.epigraph p {
  text-indent: 0;
  text-align: left;
  font-style: italic;
}

.epigraph p + p {
  margin-top: 0.5em;
}

/* Emphasis inside what is set in italic turns roman. */
.dedication em, .epigraph em, .titlepage .subtitle em, figcaption em, h2 em, h3 em, h4 em, h5 em, h6 em, .chapter-subtitle em {
  font-style: normal;
}

.titlepage .contributor, .titlepage .series, .titlepage .publisher {
  text-indent: 0;
  text-align: center;
  margin-top: 1em;
}

.titlepage .publisher {
  font-variant: small-caps;
  margin-top: 4em;
}

.copyright-page {
  margin-top: 6em;
  font-size: 0.85em;
}

.copyright-page p {
  text-indent: 0;
  text-align: center;
  margin-bottom: 0.5em;
}

figure.figure {
  margin: 1em 0;
  text-align: center;
  page-break-inside: avoid;
  break-inside: avoid;
}

figure.figure img {
  max-width: 100%;
}

figure.figure figcaption {
  font-size: 0.9em;
  font-style: italic;
  text-align: center;
  margin-top: 0.5em;
}

.also-by p {
  text-indent: 0;
  text-align: center;
  margin-bottom: 0.5em;
}
`;

/** @font-face rules for faces the book embeds, and the body set in them (readers may still override). */
export function fontFaceRules(fonts: readonly { href: string; style: string; weight: number }[]): string {
  if (fonts.length === 0) return '';
  const faces = fonts.map((font) => `\n@font-face {\n  font-family: "Book Text";\n  font-style: ${font.style};\n  font-weight: ${font.weight};\n  src: url("${font.href}");\n}\n`);
  return `${faces.join('')}\nbody {\n  font-family: "Book Text", serif;\n}\n`;
}
