/**
 * Offset of the first syntax error in a JSON text, for messages with a line and column (Node 20's
 * JSON.parse names no position for most errors). Returns -1 for valid JSON.
 */
export function jsonErrorOffset(text: string): number {
  return scanJson(text).error;
}

/** The first key an object of a JSON text repeats, and where, if any: JSON.parse keeps the last silently. */
export function duplicateKey(text: string): { key: string; offset: number } | undefined {
  return scanJson(text).duplicate;
}

function scanJson(text: string): { error: number; duplicate?: { key: string; offset: number } } {
  let duplicate: { key: string; offset: number } | undefined;
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail();
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i]! < ' ') fail();
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? '')) fail();
      }
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match) fail();
    i += match![0].length;
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      space();
      if (text[i] === '}') {
        i++;
        return;
      }
      const keys = new Set<string>();
      for (;;) {
        space();
        if (text[i] !== '"') fail();
        const start = i;
        string();
        const key = JSON.parse(text.slice(start, i)) as string;
        if (keys.has(key)) duplicate ??= { key, offset: start };
        keys.add(key);
        space();
        if (text[i] !== ':') fail();
        i++;
        value();
        space();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return;
        } else fail();
      }
    } else if (c === '[') {
      i++;
      space();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        space();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return;
        } else fail();
      }
    } else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) number();
    else fail();
  };
  try {
    value();
    space();
    return { error: i < text.length ? i : -1, duplicate };
  } catch (offset) {
    return { error: offset as number, duplicate };
  }
}
