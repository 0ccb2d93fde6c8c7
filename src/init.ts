import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BookError } from './errors.ts';

const CHAPTER = `# Chapter One

It was a dark and stormy night; the rain fell in torrents--except at occasional intervals, when it was checked by a violent gust of wind.

"Begin here," she said. "Write the rest."
`;

const WORKFLOW = `# Builds the book when a version tag (v1.0, v2.3.1 …) is pushed, and attaches the EPUB and PDF to its release.
name: Release the book

on:
  push:
    tags:
      - "v*"

permissions:
  contents: write

jobs:
  release:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - run: npm ci
      # After npm ci, which empties node_modules: the chapters as read and normalized, the pages
      # as drawn, and the words' shapes, hyphenation and set paragraphs learned by earlier
      # releases. Only time is saved; the book is the same without them.
      - uses: actions/cache@v4
        with:
          path: |
            node_modules/.cache/book/manuscript
            node_modules/.cache/book/pages
            node_modules/.cache/book/typesetting
          key: book-cache-\${{ github.sha }}
          restore-keys: book-cache-
      - run: npm run book
      - name: Attach the EPUB, the PDF and the store cover to the release
        env:
          GH_TOKEN: \${{ github.token }}
        run: gh release create "\${GITHUB_REF_NAME}" dist/*.epub dist/*.pdf dist/*-cover.jpg --title "\${GITHUB_REF_NAME}" --generate-notes
`;

function readme(title: string): string {
  return `# ${title}

A book built with \`book\`.

- Write chapters in \`manuscript/\` as Markdown (\`# Title\` first) or plain text, and list them in \`book.config.json\`.
- \`npm install\` once, then \`npm run book\` writes \`dist/*.epub\`, \`dist/*.pdf\` and the cover for the stores, \`dist/*-cover.jpg\`.
- \`npx book check\` validates everything without touching \`dist/\`; \`npx book build --watch\` rebuilds as you write.
- Push a tag such as \`v1.0\` and GitHub Actions attaches the EPUB, the PDF and the cover to a release.
`;
}

/** Scaffolds a new book in `dir`: config, first chapter, .gitignore, README, package.json and a release workflow. */
export function initBook(dir: string): string[] {
  const root = path.resolve(dir);
  const name = path.basename(root);
  if (existsSync(path.join(root, 'book.config.json'))) {
    throw new BookError(path.join(dir, 'book.config.json'), '', 'already exists', 'init only starts new books; edit the config instead');
  }
  const title = name.replace(/[-_]+/g, ' ').replace(/^\w/, (c) => c.toUpperCase()) || 'Untitled';
  const files: Record<string, string> = {
    'book.config.json': JSON.stringify({ $schema: './node_modules/book/schema/book.config.schema.json', title, author: 'Your Name', language: 'en', rights: 'all-rights-reserved', chapters: ['manuscript/*.md'] }, null, 2) + '\n',
    'manuscript/01-chapter-one.md': CHAPTER,
    '.gitignore': 'node_modules/\ndist/\n',
    'README.md': readme(title),
    'package.json': JSON.stringify({ name: name.toLowerCase().replace(/[^a-z0-9-]+/g, '-') || 'my-book', private: true, scripts: { book: 'book build' }, devDependencies: { book: '^0.1.0' } }, null, 2) + '\n',
    '.github/workflows/release.yml': WORKFLOW,
  };
  const written: string[] = [];
  for (const [file, content] of Object.entries(files)) {
    const target = path.join(root, file);
    if (existsSync(target)) continue;
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
    written.push(path.join(dir, file));
  }
  return written;
}
