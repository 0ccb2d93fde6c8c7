// EJS templates handed to epub-gen-memory in place of its own, so the package document, nav, NCX
// and chapters carry what stores and validators expect: a stable identifier, a fixed modification
// date, the book's language on every document, epub:type semantics and accessibility metadata.
// Values come from options we pass (`book`, `xhtml`, …); `<%= %>` escapes them. The EPUB 2 guide
// is kept beside the landmarks: Kindle conversion (Calibre, KDP) reads it for the cover, the
// contents and where the book starts, and without it makes a contents page of its own.

export const CONTENT_OPF = `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="<%= book.language %>" prefix="schema: http://schema.org/">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<%- metadataXml %>
  </metadata>
  <manifest>
    <item id="nav" href="toc.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
    <item id="css" href="style.css" media-type="text/css"/>
<% if (coverImage) { %>    <item id="cover-image" href="<%= coverImage.href %>" media-type="<%= coverImage.mediaType %>" properties="cover-image"/>
<% } %><% illustrations.forEach(function (image) { %>    <item id="<%= image.id %>" href="<%= image.href %>" media-type="<%= image.mediaType %>"/>
<% }) %><% embeddedFonts.forEach(function (font) { %>    <item id="<%= font.id %>" href="<%= font.href %>" media-type="<%= font.mediaType %>"/>
<% }) %><% content.forEach(function (chapter) { %>    <item id="<%= chapter.id %>" href="<%= chapter.filename %>" media-type="application/xhtml+xml"/>
<% }) %>  </manifest>
  <spine toc="ncx">
<% content.forEach(function (chapter) { if (chapter.beforeToc) { %>    <itemref idref="<%= chapter.id %>"<% if (chapter.nonLinear) { %> linear="no"<% } %>/>
<% } }) %>    <itemref idref="nav"/>
<% content.forEach(function (chapter) { if (!chapter.beforeToc) { %>    <itemref idref="<%= chapter.id %>"/>
<% } }) %>  </spine>
  <guide>
<% guide.forEach(function (reference) { %>    <reference type="<%= reference.type %>" title="<%= reference.title %>" href="<%= reference.href %>"/>
<% }) %>  </guide>
</package>
`;

export const NAV_XHTML = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="<%= book.language %>" lang="<%= book.language %>">
<head>
  <meta charset="UTF-8"/>
  <title><%= tocTitle %></title>
  <link rel="stylesheet" type="text/css" href="style.css"/>
</head>
<body>
  <nav id="toc" epub:type="toc" role="doc-toc">
    <h1><%= tocTitle %></h1>
<%- tocList %>
  </nav>
  <nav id="landmarks" epub:type="landmarks" hidden="hidden">
    <h2>Landmarks</h2>
    <ol>
<% landmarks.forEach(function (mark) { %>      <li><a epub:type="<%= mark.type %>" href="<%= mark.href %>"><%= mark.title %></a></li>
<% }) %>    </ol>
  </nav>
<% if (pageList.length) { %>  <nav id="page-list" epub:type="page-list" role="doc-pagelist" aria-label="Pages" hidden="hidden">
    <ol>
<% pageList.forEach(function (page) { %>      <li><a href="<%= page.href %>"><%= page.label %></a></li>
<% }) %>    </ol>
  </nav>
<% } %></body>
</html>
`;

export const TOC_NCX = `<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="<%= book.language %>">
  <head>
    <meta name="dtb:uid" content="<%= book.identifier %>"/>
    <meta name="dtb:depth" content="<%= ncxDepth %>"/>
    <meta name="dtb:totalPageCount" content="0"/>
    <meta name="dtb:maxPageNumber" content="0"/>
  </head>
  <docTitle><text><%= book.title %></text></docTitle>
<% book.authors.forEach(function (author) { %>  <docAuthor><text><%= author %></text></docAuthor>
<% }) %>  <navMap>
<%- ncxPoints %>
  </navMap>
</ncx>
`;

export const CHAPTER_XHTML = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="<%= lang %>" lang="<%= lang %>">
<head>
  <meta charset="UTF-8"/>
  <title><%= title %></title>
  <link rel="stylesheet" type="text/css" href="style.css"/>
</head>
<body<% if (bodyType) { %> epub:type="<%= bodyType %>"<% } %>>
<% if (kobo) { %><div id="book-columns"><div id="book-inner">
<% } %><%- xhtml %>
<% if (kobo) { %></div></div>
<% } %></body>
</html>
`;
