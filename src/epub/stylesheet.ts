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

section[epub|type~="chapter"] > h1 {
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

h1 + p, h2 + p, h3 + p, h4 + p, h5 + p, h6 + p, hr + p, p:first-child {
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
`;
