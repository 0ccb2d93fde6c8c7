// The preview's page: the EPUB in epub.js at a device's size, theme and type size; the PDF in
// pdf.js as spreads at the trim size with a text layer; the contents and the build's warnings as
// links into both. It asks the server for nothing but its own routes (see server.ts).

const DEVICES = {
  phone: { width: 390, height: 844, label: 'Phone (390 × 844)' },
  ereader: { width: 758, height: 1024, label: '6-inch e-reader (758 × 1024, grey)' },
  tablet: { width: 820, height: 1180, label: 'Tablet (820 × 1180)' },
};

const STYLE = `
  * { box-sizing: border-box; }
  body { margin: 0; font: 14px/1.4 system-ui, sans-serif; background: #e9e6df; color: #222; display: grid; grid-template-columns: 260px 1fr; grid-template-rows: auto 1fr; height: 100vh; }
  header { grid-column: 1 / 3; display: flex; gap: 12px; align-items: center; padding: 8px 12px; background: #2b2b2b; color: #eee; flex-wrap: wrap; }
  header h1 { font-size: 15px; margin: 0 12px 0 0; }
  header select, header button { font: inherit; }
  #status { margin-left: auto; font-size: 12px; opacity: .85; }
  #status.error { color: #ffb3a7; opacity: 1; }
  nav { overflow: auto; padding: 8px 12px; background: #f6f4ef; border-right: 1px solid #d4d0c6; }
  nav h2 { font-size: 12px; text-transform: uppercase; letter-spacing: .08em; color: #666; margin: 12px 0 4px; }
  nav ol, nav ul { margin: 0; padding-left: 18px; }
  nav a { color: #1d4e89; cursor: pointer; text-decoration: none; }
  nav a:hover { text-decoration: underline; }
  #warnings li { font-size: 12px; margin-bottom: 6px; }
  main { overflow: auto; padding: 16px; }
  .view { display: none; }
  .view.shown { display: block; }
  #screen { margin: 0 auto; background: #fff; box-shadow: 0 4px 18px rgba(0,0,0,.25); border-radius: 18px; padding: 0; overflow: hidden; position: relative; }
  #screen.grey { filter: grayscale(1) contrast(1.05); }
  #reader { width: 100%; height: 100%; }
  .pager { display: flex; justify-content: center; gap: 12px; margin: 10px 0; }
  #spread { display: flex; justify-content: center; gap: 0; }
  .page { position: relative; background: #fff; box-shadow: 0 2px 10px rgba(0,0,0,.25); }
  .page.empty { background: transparent; box-shadow: none; }
  .page canvas { display: block; }
  .folio { text-align: center; font-size: 12px; color: #555; margin-top: 4px; }
  .textLayer { position: absolute; inset: 0; overflow: hidden; line-height: 1; opacity: 1; }
  .textLayer span, .textLayer br { color: transparent; position: absolute; white-space: pre; cursor: text; transform-origin: 0% 0%; }
  #wrap { margin-top: 24px; text-align: center; }
  #wrap canvas { box-shadow: 0 2px 10px rgba(0,0,0,.25); max-width: 100%; }
`;

const SCRIPT = String.raw`
import * as pdfjs from '/app/pdf.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = '/app/pdf.worker.mjs';
const DEVICES = ${JSON.stringify(DEVICES)};
const THEMES = {
  light: { body: { background: '#ffffff', color: '#111111' } },
  sepia: { body: { background: '#f4ecd8', color: '#3b2f1e' } },
  dark: { body: { background: '#141414', color: '#dddddd' } },
};
const $ = (id) => document.getElementById(id);
const saved = JSON.parse(localStorage.getItem('book-preview') || '{}');
const settings = Object.assign({ view: 'ebook', device: 'phone', theme: 'light', size: '100%' }, saved);
for (const key of ['view', 'device', 'theme', 'size']) $(key).value = settings[key];
let state = null;
let book = null;
let rendition = null;
let place = null;
let pdf = null;
let spread = 0;
let ready;
let settle;
const readyPromise = () => (ready = new Promise((resolve) => (settle = resolve)));
readyPromise();

function remember() {
  localStorage.setItem('book-preview', JSON.stringify(settings));
}

function showView() {
  $('ebook').classList.toggle('shown', settings.view === 'ebook');
  $('print').classList.toggle('shown', settings.view === 'print');
}

async function openEbook() {
  if (rendition) rendition.destroy();
  if (book) book.destroy();
  rendition = null;
  book = null;
  if (!state.files.epub) {
    $('reader').textContent = 'No EPUB in this build (add epub to the formats).';
    return;
  }
  const device = DEVICES[settings.device];
  const frame = $('screen');
  frame.style.width = device.width + 'px';
  frame.style.height = device.height + 'px';
  frame.classList.toggle('grey', settings.device === 'ereader');
  $('reader').textContent = '';
  const response = await fetch('/files/' + encodeURIComponent(state.files.epub) + '?v=' + state.version);
  book = ePub(await response.arrayBuffer());
  rendition = book.renderTo('reader', { width: device.width, height: device.height, flow: 'paginated', spread: 'none', allowScriptedContent: false });
  for (const [name, theme] of Object.entries(THEMES)) rendition.themes.register(name, theme);
  rendition.themes.select(settings.theme);
  rendition.themes.fontSize(settings.size);
  rendition.on('relocated', (location) => {
    place = { cfi: location.start.cfi, href: location.start.href };
    $('ebook-where').textContent = location.start.href + (location.start.displayed ? ' · page ' + location.start.displayed.page + ' of ' + location.start.displayed.total : '');
  });
  try {
    await rendition.display(place ? place.cfi : undefined);
  } catch {
    // The text changed under the place: the same chapter, from its start.
    await rendition.display(place ? place.href : undefined);
  }
}

function spreadPages(index) {
  if (!pdf) return [];
  const pages = index === 0 ? [null, 1] : [2 * index, 2 * index + 1];
  return pages.map((n) => (n && n <= pdf.numPages ? n : null));
}

async function drawPage(number, holder, scale) {
  const box = document.createElement('div');
  const trim = state.trim || { width: 396, height: 612 };
  if (!number) {
    box.className = 'page empty';
    box.style.width = trim.width * scale + 'px';
    box.style.height = trim.height * scale + 'px';
    holder.append(box);
    return;
  }
  box.className = 'page';
  box.dataset.page = String(number);
  const page = await pdf.getPage(number);
  const viewport = page.getViewport({ scale });
  const canvas = document.createElement('canvas');
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  canvas.style.width = viewport.width + 'px';
  canvas.style.height = viewport.height + 'px';
  box.append(canvas);
  const layer = document.createElement('div');
  layer.className = 'textLayer';
  layer.style.setProperty('--scale-factor', String(scale));
  layer.style.setProperty('--total-scale-factor', String(scale));
  box.append(layer);
  const wrap = document.createElement('div');
  wrap.append(box);
  const folio = document.createElement('div');
  folio.className = 'folio';
  const printed = number - (state.frontPages || 0);
  folio.textContent = printed > 0 ? 'page ' + printed + ' (PDF page ' + number + ')' : 'PDF page ' + number;
  wrap.append(folio);
  holder.append(wrap);
  await page.render({ canvas, canvasContext: canvas.getContext('2d'), viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] }).promise;
  await new pdfjs.TextLayer({ textContentSource: page.streamTextContent(), container: layer, viewport }).render();
}

async function drawSpread() {
  const holder = $('spread');
  const scale = 1.25;
  const drawn = document.createElement('div');
  drawn.style.display = 'flex';
  for (const number of spreadPages(spread)) await drawPage(number, drawn, scale);
  holder.replaceChildren(drawn);
  $('print-where').textContent = pdf ? 'spread ' + (spread + 1) + ' of ' + (Math.floor(pdf.numPages / 2) + 1) + ' · ' + pdf.numPages + ' pages' : '';
}

async function openPrint() {
  pdf = null;
  if (!state.files.pdf) {
    $('spread').textContent = 'No PDF in this build (add pdf to the formats).';
    return;
  }
  pdf = await pdfjs.getDocument({ url: '/files/' + encodeURIComponent(state.files.pdf) + '?v=' + state.version }).promise;
  spread = Math.min(spread, Math.floor(pdf.numPages / 2));
  await drawSpread();
  const wrap = $('wrap');
  wrap.replaceChildren();
  if (state.files.cover) {
    const cover = await pdfjs.getDocument({ url: '/files/' + encodeURIComponent(state.files.cover) + '?v=' + state.version }).promise;
    const page = await cover.getPage(1);
    const base = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: Math.min(1.2, 1100 / base.width) });
    const canvas = document.createElement('canvas');
    canvas.width = viewport.width;
    canvas.height = viewport.height;
    const title = document.createElement('div');
    title.className = 'folio';
    title.textContent = 'the paperback cover (back, spine, front)';
    wrap.append(canvas, title);
    await page.render({ canvas, canvasContext: canvas.getContext('2d'), viewport }).promise;
  }
}

function goToPage(number) {
  spread = Math.floor(number / 2);
  settings.view = 'print';
  $('view').value = 'print';
  showView();
  return drawSpread();
}

function goToChapter(href) {
  settings.view = 'ebook';
  $('view').value = 'ebook';
  showView();
  return rendition ? rendition.display(href) : undefined;
}

function link(text, action) {
  const a = document.createElement('a');
  a.textContent = text;
  a.addEventListener('click', (event) => {
    event.preventDefault();
    action();
  });
  return a;
}

function listContents() {
  const list = $('contents');
  list.replaceChildren();
  for (const entry of state.contents) {
    const item = document.createElement('li');
    item.append(link(entry.title, () => (settings.view === 'print' && entry.page ? goToPage(entry.page) : entry.epub ? goToChapter(entry.epub) : entry.page && goToPage(entry.page))));
    if (entry.page) {
      // The printed number where it has one (body pages), else the PDF's page.
      const folio = entry.page - (state.frontPages || 0);
      item.append(' ');
      item.append(link(folio > 0 ? 'p. ' + folio : 'PDF p. ' + entry.page, () => goToPage(entry.page)));
    }
    list.append(item);
  }
  const warnings = $('warnings');
  warnings.replaceChildren();
  $('warnings-head').textContent = 'Warnings (' + state.warnings.length + ')';
  for (const warning of state.warnings) {
    const item = document.createElement('li');
    item.append(warning.text + ' ');
    if (warning.epub) item.append(link('chapter', () => goToChapter(warning.epub)), ' ');
    if (warning.page) item.append(link('page ' + warning.page, () => goToPage(warning.page)));
    warnings.append(item);
  }
}

async function show(next) {
  const first = state === null;
  state = next;
  const status = $('status');
  status.textContent = state.error ? 'build failed: ' + state.error + ' (showing the last good build)' : 'build ' + state.version + ' · ' + new Date().toLocaleTimeString();
  status.classList.toggle('error', Boolean(state.error));
  if (state.error && !first) return;
  listContents();
  readyPromise();
  await Promise.all([openEbook(), openPrint()]);
  settle(state.version);
}

for (const key of ['device', 'theme', 'size', 'view']) {
  $(key).addEventListener('change', async () => {
    settings[key] = $(key).value;
    remember();
    showView();
    if (key === 'theme' && rendition) rendition.themes.select(settings.theme);
    else if (key === 'size' && rendition) rendition.themes.fontSize(settings.size);
    else if (key === 'device') await openEbook();
  });
}
$('prev').addEventListener('click', () => rendition && rendition.prev());
$('next').addEventListener('click', () => rendition && rendition.next());
$('prev-spread').addEventListener('click', () => {
  if (spread > 0) spread--;
  drawSpread();
});
$('next-spread').addEventListener('click', () => {
  if (pdf && spread < Math.floor(pdf.numPages / 2)) spread++;
  drawSpread();
});
showView();

// Each build's state, as it finishes; the views reload where the reader was.
let queue = Promise.resolve();
const events = new EventSource('/events');
events.addEventListener('build', (event) => {
  const next = JSON.parse(event.data);
  if (state && next.version === state.version && !next.error) return;
  // A build the views cannot show is told in the status line; the next build is shown as usual.
  queue = queue
    .then(() => show(next))
    .catch((error) => {
      $('status').textContent = 'could not show build ' + next.version + ': ' + (error && error.message ? error.message : String(error));
      $('status').classList.add('error');
      if (settle) settle(next.version);
    });
});

// For tests and scripts: what each view shows.
window.bookPreview = {
  ready: () => ready,
  version: () => (state ? state.version : 0),
  ebookText: () => {
    const frames = document.querySelectorAll('#reader iframe');
    return [...frames].map((frame) => (frame.contentDocument && frame.contentDocument.body ? frame.contentDocument.body.innerText : '')).join('\n');
  },
  printText: () => [...document.querySelectorAll('#spread .textLayer')].map((layer) => layer.textContent).join('\n'),
  goToChapter,
  goToPage,
};
`;

/** The page, with the book's title; its script is a module that loads pdf.js, and epub.js before it. */
export function previewPage(title: string): string {
  const escaped = title.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const devices = Object.entries(DEVICES)
    .map(([key, device]) => `<option value="${key}">${device.label}</option>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escaped} · preview</title>
<style>${STYLE}</style>
<script src="/app/jszip.js"></script>
<script src="/app/epub.js"></script>
</head>
<body>
<header>
  <h1>${escaped}</h1>
  <label>View <select id="view"><option value="ebook">Ebook</option><option value="print">Print spreads</option></select></label>
  <label>Device <select id="device">${devices}</select></label>
  <label>Theme <select id="theme"><option value="light">Light</option><option value="sepia">Sepia</option><option value="dark">Dark</option></select></label>
  <label>Type <select id="size"><option value="100%">Normal</option><option value="130%">Large</option></select></label>
  <span id="status">building…</span>
</header>
<nav>
  <h2>Contents</h2>
  <ol id="contents"></ol>
  <h2 id="warnings-head">Warnings</h2>
  <ul id="warnings"></ul>
</nav>
<main>
  <section id="ebook" class="view">
    <div class="pager"><button id="prev">‹ Previous</button><span id="ebook-where"></span><button id="next">Next ›</button></div>
    <div id="screen"><div id="reader"></div></div>
  </section>
  <section id="print" class="view">
    <div class="pager"><button id="prev-spread">‹ Previous spread</button><span id="print-where"></span><button id="next-spread">Next spread ›</button></div>
    <div id="spread"></div>
    <div id="wrap"></div>
  </section>
</main>
<script type="module">${SCRIPT}</script>
</body>
</html>
`;
}
