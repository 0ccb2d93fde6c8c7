// subset-font ships no types: one function, a face and the text it must show in, the subset back.
declare module 'subset-font' {
  export default function subsetFont(font: Buffer, text: string, options?: { targetFormat?: 'truetype' | 'sfnt' | 'woff' | 'woff2' }): Promise<Buffer>;
}
