// EJS templates handed to epub-gen-memory in place of its own, so the package document, nav, NCX
// and chapters carry what stores and validators expect: a stable identifier, a fixed modification
// date, the book's language on every document, epub:type semantics and accessibility metadata.
// Values come from options we pass (`book`, `xhtml`, …); `<%= %>` escapes them.

export const CONTENT_OPF = `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="<%= book.language %>" prefix="schema: http://schema.org/">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="book-id"><%= book.identifier %></dc:identifier>
    <dc:title id="title"><%= book.title %></dc:title>
    <meta refines="#title" property="title-type">main</meta>
<% if (book.subtitle) { %>    <dc:title id="subtitle"><%= book.subtitle %></dc:title>
    <meta refines="#subtitle" property="title-type">subtitle</meta>
<% } %><% book.authors.forEach(function (author, i) { %>    <dc:creator id="creator-<%= i + 1 %>"><%= author %></dc:creator>
    <meta refines="#creator-<%= i + 1 %>" property="role" scheme="marc:relators">aut</meta>
<% }) %>    <dc:language><%= book.language %></dc:language>
<% if (book.date) { %>    <dc:date><%= book.date %></dc:date>
<% } %><% if (book.publisher) { %>    <dc:publisher><%= book.publisher %></dc:publisher>
<% } %><% if (book.rights) { %>    <dc:rights><%= book.rights %></dc:rights>
<% } %><% if (book.description) { %>    <dc:description><%= book.description %></dc:description>
<% } %>    <meta property="dcterms:modified"><%= book.modified %></meta>
    <meta property="schema:accessMode">textual</meta>
<% if (coverImage) { %>    <meta property="schema:accessMode">visual</meta>
    <meta property="schema:accessibilityFeature">alternativeText</meta>
    <meta name="cover" content="cover-image"/>
<% } %>    <meta property="schema:accessModeSufficient">textual</meta>
    <meta property="schema:accessibilityFeature">structuralNavigation</meta>
    <meta property="schema:accessibilityFeature">readingOrder</meta>
    <meta property="schema:accessibilityFeature">tableOfContents</meta>
<% if (pageList.length) { %>    <meta property="schema:accessibilityFeature">pageNavigation</meta>
    <meta property="schema:accessibilityFeature">printPageNumbers</meta>
<% } %>    <meta property="schema:accessibilityHazard">none</meta>
    <meta property="schema:accessibilitySummary">Text-only book with headings for every chapter, a table of contents and a logical reading order.</meta>
  </metadata>
  <manifest>
    <item id="nav" href="toc.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
    <item id="css" href="style.css" media-type="text/css"/>
<% if (coverImage) { %>    <item id="cover-image" href="<%= coverImage.href %>" media-type="<%= coverImage.mediaType %>" properties="cover-image"/>
<% } %><% content.forEach(function (chapter) { %>    <item id="<%= chapter.id %>" href="<%= chapter.filename %>" media-type="application/xhtml+xml"/>
<% }) %>  </manifest>
  <spine toc="ncx">
<% content.forEach(function (chapter) { if (chapter.beforeToc) { %>    <itemref idref="<%= chapter.id %>"/>
<% } }) %>    <itemref idref="nav"/>
<% content.forEach(function (chapter) { if (!chapter.beforeToc) { %>    <itemref idref="<%= chapter.id %>"/>
<% } }) %>  </spine>
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
    <ol>
<% content.forEach(function (chapter) { if (!chapter.excludeFromToc) { %>      <li><a href="<%= chapter.filename %>"><%= chapter.title %></a></li>
<% } }) %>    </ol>
  </nav>
  <nav id="landmarks" epub:type="landmarks" hidden="hidden">
    <h2>Landmarks</h2>
    <ol>
<% if (coverImage) { %>      <li><a epub:type="cover" href="cover.xhtml">Cover</a></li>
<% } %>      <li><a epub:type="toc" href="toc.xhtml">${'<%= tocTitle %>'}</a></li>
<% var first = content.find(function (c) { return !c.beforeToc; }); if (first) { %>      <li><a epub:type="bodymatter" href="<%= first.filename %>"><%= first.title %></a></li>
<% } %>    </ol>
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
    <meta name="dtb:depth" content="1"/>
    <meta name="dtb:totalPageCount" content="0"/>
    <meta name="dtb:maxPageNumber" content="0"/>
  </head>
  <docTitle><text><%= book.title %></text></docTitle>
<% book.authors.forEach(function (author) { %>  <docAuthor><text><%= author %></text></docAuthor>
<% }) %>  <navMap>
<% content.filter(function (c) { return !c.excludeFromToc; }).forEach(function (chapter, i) { %>    <navPoint id="nav-<%= chapter.id %>" playOrder="<%= i + 1 %>">
      <navLabel><text><%= chapter.title %></text></navLabel>
      <content src="<%= chapter.filename %>"/>
    </navPoint>
<% }) %>  </navMap>
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
<%- xhtml %>
</body>
</html>
`;
