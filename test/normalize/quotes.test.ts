import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BOUNDARY } from '../../src/normalize/flatten.ts';
import { typographyFor } from '../../src/normalize/languages.ts';
import { curlQuotesInText, punctuationSpaces } from '../../src/normalize/quotes.ts';

const en = typographyFor('en');
const curl = (text: string) => curlQuotesInText(text, en);

describe('curly quotes and apostrophes (English)', () => {
  const cases: [string, string][] = [
    [`"It's okay, come on." Rey said.`, '“It’s okay, come on.” Rey said.'],
    [`She said "hello."`, 'She said “hello.”'],
    [`"She said 'no.'"`, '“She said ‘no.’”'],
    [`'Tis the season, 'twas said.`, '’Tis the season, ’twas said.'],
    [`Give 'em the 'cause, rock 'n' roll.`, 'Give ’em the ’cause, rock ’n’ roll.'],
    [`Back in the '90s and '66.`, 'Back in the ’90s and ’66.'],
    [`the Joneses' house`, 'the Joneses’ house'],
    [`I was going--"`, 'I was going--”'],
    [`his watch—"in exactly`, 'his watch—“in exactly'],
    [`"Well..." she said. "...and then"`, '“Well...” she said. “...and then”'],
    [`("Quoted")`, '(“Quoted”)'],
    [`He is 6' 2" tall.`, 'He is 6′ 2″ tall.'],
    [`"'Tis true," said he.`, '“’Tis true,” said he.'],
    [`"He said, 'I'm off,'" she said.`, '“He said, ‘I’m off,’” she said.'],
    [`the 1920's fashion`, 'the 1920’s fashion'],
    [`'Ow are you, 'enry?`, '’Ow are you, ’enry?'],
    [`a monograph entitled 'Is Disease a Reversion?' last year`, 'a monograph entitled ‘Is Disease a Reversion?’ last year'],
    [`They sailed for 'Frisco in May.`, 'They sailed for ’Frisco in May.'],
    [`"Say 'Frisco,' he said."`, '“Say ‘Frisco,’ he said.”'],
    [`the sons of the 'prentices, sir`, 'the sons of the ’prentices, sir'],
    [`showd this 'ere ouse. She ses 'are you the boy?' she ses.`, 'showd this ’ere ouse. She ses ‘are you the boy?’ she ses.'],
    [`"I said to him, 'and it would be well.'"`, '“I said to him, ‘and it would be well.’”'],
  ];
  for (const [input, expected] of cases) {
    it(`${input} → ${expected}`, () => assert.equal(curl(input), expected));
  }

  it('sees a quote at an emphasis boundary with the word beside it', () => {
    assert.equal(curl(`"${BOUNDARY}Never${BOUNDARY}," he said.`), `“${BOUNDARY}Never${BOUNDARY},” he said.`);
    assert.equal(curl(`He read ${BOUNDARY}The Times${BOUNDARY}'s leader.`), `He read ${BOUNDARY}The Times${BOUNDARY}’s leader.`);
    assert.equal(curl(`${BOUNDARY}word${BOUNDARY}"`), `${BOUNDARY}word${BOUNDARY}”`);
  });

  it('opens each paragraph of a multi-paragraph quotation and closes only the last', () => {
    assert.equal(curl('"The first paragraph of a long speech.'), '“The first paragraph of a long speech.');
    assert.equal(curl('"The second, which ends it."'), '“The second, which ends it.”');
  });

  it('leaves curly quotes alone', () => {
    assert.equal(curl('“Already” ‘set’ it’s'), '“Already” ‘set’ it’s');
  });

  it('is idempotent', () => {
    for (const [input] of cases) assert.equal(curl(curl(input)), curl(input));
  });
});

describe('quotes in other languages', () => {
  it('German: „ “ and ‚ ‘', () => {
    assert.equal(curlQuotesInText(`Er sagte: "Das ist 'gut'."`, typographyFor('de')), 'Er sagte: „Das ist ‚gut‘.“');
  });
  it('Swiss German: guillemets without spaces', () => {
    assert.equal(curlQuotesInText(`"Grüezi"`, typographyFor('de-CH')), '«Grüezi»');
  });
  it('French: guillemets with narrow no-break spaces, and spaces before ; : ! ?', () => {
    const fr = typographyFor('fr');
    assert.equal(punctuationSpaces(curlQuotesInText(`Il dit : "Bonjour !" Vraiment?`, fr), fr), 'Il dit\u00A0: «\u202FBonjour\u202F!\u202F» Vraiment\u202F?');
    assert.equal(curlQuotesInText(`l'homme`, fr), 'l’homme');
  });
  it('Spanish, Italian, Russian use guillemets; Polish „ ”; Swedish ” ”', () => {
    assert.equal(curlQuotesInText(`"Hola"`, typographyFor('es')), '«Hola»');
    assert.equal(curlQuotesInText(`"Ciao"`, typographyFor('it')), '«Ciao»');
    assert.equal(curlQuotesInText(`"Привет"`, typographyFor('ru')), '«Привет»');
    assert.equal(curlQuotesInText(`"Cześć"`, typographyFor('pl')), '„Cześć”');
    assert.equal(curlQuotesInText(`"Hej"`, typographyFor('sv')), '”Hej”');
    assert.equal(curlQuotesInText(`"Ahoj"`, typographyFor('cs')), '„Ahoj“');
    assert.equal(curlQuotesInText(`"Hoi"`, typographyFor('nl')), '“Hoi”');
    assert.equal(curlQuotesInText(`"Hej"`, typographyFor('da')), '»Hej«');
  });
  it('British single-first style swaps the levels', () => {
    assert.equal(curlQuotesInText(`"She said 'no'."`, typographyFor('en-GB'), { singleQuotesFirst: true }), '‘She said “no”.’');
  });
  it('keeps the no-break spaces an author typed (a narrow one before a colon stays narrow)', () => {
    const fr = typographyFor('fr');
    assert.equal(punctuationSpaces('Écoutez\u202F: je', fr), 'Écoutez\u202F: je');
    assert.equal(punctuationSpaces('«\u00A0Vous\u00A0?\u00A0»', fr), '«\u00A0Vous\u00A0?\u00A0»');
    assert.equal(punctuationSpaces('Écoutez : je', fr), 'Écoutez\u00A0: je');
  });
  it('sets dashes as the language does', () => {
    assert.deepEqual(['en', 'fr', 'de', 'ru', 'es', 'sv'].map((l) => typographyFor(l).dash), ['em', 'spaced-en', 'spaced-en', 'spaced-em', 'em', 'spaced-en']);
  });
});

describe('quotes that are not quotations', () => {
  const en = typographyFor('en');
  it('leaves a lone straight quote between spaces as typed', () => {
    assert.equal(curlQuotesInText('replacing " with a space', en), 'replacing " with a space');
    assert.equal(curlQuotesInText('He said "no" and went.', en), 'He said “no” and went.');
  });
  it('opens a quote after a dash before an ellipsis that begins the speech', () => {
    assert.equal(curlQuotesInText('continuing—"…So join me," she said.', en), 'continuing—“…So join me,” she said.');
    assert.equal(curlQuotesInText('"Wait—" she said.', en), '“Wait—” she said.');
  });
});
