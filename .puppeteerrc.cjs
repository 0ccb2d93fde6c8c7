// Puppeteer (used by DAISY Ace in the tests) runs Debian's Chromium; it never downloads a browser.
module.exports = { skipDownload: true };
