// Glyph runs by text, as fontkit shaped them: the words a face laid out in full, and its small capitals.

export interface FontkitGlyphRun {
  advanceWidth: number;
  glyphs: { id: number; advanceWidth: number; codePoints: number[] }[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
}

export type RememberedGlyph = [id: number, advanceWidth: number, codePoints: number[]];
/** A glyph run as plain data, for a cache file or a message to another thread. */
export type RememberedRun = [glyphs: RememberedGlyph[], positions: [number, number, number, number][]];

export function rememberedRun(run: FontkitGlyphRun): RememberedRun {
  return [run.glyphs.map((g) => [g.id, g.advanceWidth, g.codePoints]), run.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset])];
}

function revivedRun([glyphs, positions]: RememberedRun): FontkitGlyphRun {
  const run: FontkitGlyphRun = { glyphs: glyphs.map(([id, advanceWidth, codePoints]) => ({ id, advanceWidth, codePoints })), positions: positions.map(([xAdvance, yAdvance, xOffset, yOffset]) => ({ xAdvance, yAdvance, xOffset, yOffset })), advanceWidth: 0 };
  for (const p of run.positions) run.advanceWidth += p.xAdvance;
  return run;
}

/**
 * Glyph runs by text. A run recalled from an earlier build stays plain data until it is asked for:
 * the shapings file holds every word a face ever laid out in full, and a rebuild whose paragraphs
 * are remembered asks for a few of them (and writes the rest back as they came).
 */
export class GlyphRuns {
  private readonly runs = new Map<string, FontkitGlyphRun | RememberedRun>();

  get size(): number {
    return this.runs.size;
  }

  get(text: string): FontkitGlyphRun | undefined {
    const run = this.runs.get(text);
    if (!Array.isArray(run)) return run;
    // Set again under the same key: the order of the entries, which news() counts on, stays.
    const revived = revivedRun(run);
    this.runs.set(text, revived);
    return revived;
  }

  set(text: string, run: FontkitGlyphRun): void {
    this.runs.set(text, run);
  }

  /** Adds the remembered runs not held yet; true if there were any. */
  take(entries: readonly [string, RememberedRun][]): boolean {
    let added = false;
    for (const [text, run] of entries) {
      if (this.runs.has(text)) continue;
      this.runs.set(text, run);
      added = true;
    }
    return added;
  }

  /** The runs as plain data, in the order they were added, from the `skip`th on. */
  remembered(skip = 0): [string, RememberedRun][] {
    const out: [string, RememberedRun][] = [];
    let i = 0;
    for (const [text, run] of this.runs) if (i++ >= skip) out.push([text, Array.isArray(run) ? run : rememberedRun(run)]);
    return out;
  }
}
