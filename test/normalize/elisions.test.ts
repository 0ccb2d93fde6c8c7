import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gatherEvidence, isListedElision } from '../../src/normalize/elisions.ts';
import { typographyFor } from '../../src/normalize/languages.ts';
import { curlQuotes } from '../../src/normalize/quotes.ts';

const block = (text: string) => ({ text, quoted: false, heading: false });
/** A chapter of paragraphs curled together, as the pipeline curls them. */
const curlChapter = (paragraphs: string[], language = 'en') => curlQuotes(paragraphs.map(block), typographyFor(language));

describe('evidence for elisions', () => {
  it('reads a word as elided when the chapter has it with the mark at least twice as often as bare', () => {
    const evidence = gatherEvidence([`"It 'uz dis way," he said. "I 'uz hungry. Ef I uz to go."`, `"Well, 'uz you dah?"`]);
    assert.equal(evidence.elidedStart('uz'), true); // three with the mark, one bare
    assert.equal(evidence.elidedStart('way'), false);
  });
  it('needs two sightings with the mark for a capitalized word', () => {
    assert.equal(gatherEvidence([`po' little 'Lizabeth!`]).elidedStart('Lizabeth'), false);
    assert.equal(gatherEvidence([`po' little 'Lizabeth! my little 'Lizabeth`]).elidedStart('Lizabeth'), true);
  });
  it('does not count a word and its mark as a sighting of the bare word', () => {
    const evidence = gatherEvidence([`you might git discourage' en kill yo'sef`]);
    assert.equal(evidence.droppedEnd('discourage'), true);
  });
  it('reads a dropped last letter from the word going on into a lower-case word', () => {
    const evidence = gatherEvidence([`doan' do nuffn, doan' you go`, `I doan'.`]);
    assert.equal(evidence.droppedEnd('doan'), true);
    assert.equal(evidence.droppedEnd('o'), true); // o' for of, listed
  });
  it('takes the end of a short quotation for no evidence ("said \'no\' flat")', () => {
    const evidence = gatherEvidence([`but I said 'no' flat and 'no' again`, `the 'Lady Dedlock, Murderess' in it`]);
    assert.equal(evidence.droppedEnd('no'), false);
    assert.equal(evidence.droppedEnd('Murderess'), false);
  });
  it('reads g-dropping once the chapter drops two g\'s before words', () => {
    const evidence = gatherEvidence([`he was goin' to fish, an' talkin' big`]);
    assert.equal(evidence.droppedEnd('lookin'), true);
  });
  it('keeps the list as a prior, years included', () => {
    assert.ok(isListedElision('Tis') && isListedElision('em') && isListedElision('90s') && isListedElision('prentices') && isListedElision('tain'));
    assert.ok(!isListedElision('way'));
  });
});

describe('single quotes decided by the chapter', () => {
  it('elided first syllables in dialect speech (Twain)', () => {
    const [text] = curlChapter([
      `"Well, you see, it 'uz dis way. I 'uz hungry, 'kase I 'uz out all night, en I doan' know what to do--dey wouldn' miss me, I 'uz sho'."`,
      `"Ef I uz to go 'way, who'd 'low it?"`,
    ]);
    assert.equal(text, `“Well, you see, it ’uz dis way. I ’uz hungry, ’kase I ’uz out all night, en I doan’ know what to do--dey wouldn’ miss me, I ’uz sho’.”`);
  });
  it('a dropped letter does not close a quotation (nor open the word before it)', () => {
    const [text] = curlChapter([`"He come up to me an' says, 'I'm goin' fishin' in de mawnin' tomorrow,' he says."`, `"An' goin' home, an' lookin' for 'em."`]);
    assert.equal(text, `“He come up to me an’ says, ‘I’m goin’ fishin’ in de mawnin’ tomorrow,’ he says.”`);
  });
  it('in German the dropped letter is an apostrophe, not the closing ‘', () => {
    const [text] = curlChapter([`"Er sagt: 'Ich geh' jetzt nach Hause, Mutter.'"`, `"Ich geh' ja schon."`], 'de');
    assert.equal(text, '„Er sagt: ‚Ich geh’ jetzt nach Hause, Mutter.‘“');
  });
  it('a word or title quoted in speech is a quotation, though the chapter never has it bare', () => {
    // "cram" is never bare here, so only a one-word quotation of it opens; "shore" is, elsewhere.
    const [text] = curlChapter([`"I couldn't 'cram' because I'd promised, and I said 'shore road' and the 'Lady of the Lake' too."`, `We took the shore road home.`]);
    assert.equal(text, `“I couldn’t ‘cram’ because I’d promised, and I said ‘shore road’ and the ‘Lady of the Lake’ too.”`);
  });
  it('the a of have, elided on both sides (might \'a\' thought)', () => {
    const [text] = curlChapter([`"I might 'a' thought of that. If I'd 'a' known, I'd 'a' caught you," she said.`]);
    assert.equal(text, `“I might ’a’ thought of that. If I’d ’a’ known, I’d ’a’ caught you,” she said.`);
  });
  it('inside a single quotation, a single quote opens nothing (Brontë)', () => {
    const [text] = curlChapter([`"'Nelly,' he said, 'we's hae a crowner's 'quest enow. That's maister, 'at 's soa up o' going tuh t' grand 'sizes. Ye'll see!'"`]);
    assert.equal(text, `“‘Nelly,’ he said, ‘we’s hae a crowner’s ’quest enow. That’s maister, ’at ’s soa up o’ going tuh t’ grand ’sizes. Ye’ll see!’”`);
  });
  it('a quotation running on into the next paragraph opens though it does not close', () => {
    const out = curlChapter([`"He told me, 'Go to the river and wait there until dark.`, `"'Then come back,' he said."`]);
    assert.deepEqual(out, [`“He told me, ‘Go to the river and wait there until dark.`, `“‘Then come back,’ he said.”`]);
  });
  it('outside the double quotes a chapter speaks in, an apostrophe needs a closer after punctuation to open', () => {
    const out = curlChapter([`"Come here," she said.`, `"Why?"`, `I 'low he went 'long de river to see de boys' camp.`]);
    assert.equal(out[2], 'I ’low he went ’long de river to see de boys’ camp.');
  });
  it('a lone single quote between spaces stays as typed', () => {
    assert.deepEqual(curlChapter([`type ' for an apostrophe`]), [`type ' for an apostrophe`]);
  });
});
