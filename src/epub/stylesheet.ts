// Book-like defaults that respect the reader's own font, size and colours: no fixed colours,
// no margins on body text, sizes in em.
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

h1 + p, h2 + p, h3 + p, h4 + p, h5 + p, h6 + p, hr + p, p:first-child,
ul + p, ol + p, pre + p, table + p, div + p, figure + p {
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
  margin-top: 20%;
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
  max-width: 100%;
  max-height: 100%;
}

nav ol {
  list-style: none;
  padding: 0;
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
  margin: 25% 10% 0;
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
  margin-top: 50%;
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
