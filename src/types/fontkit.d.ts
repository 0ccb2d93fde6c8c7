// fontkit ships no types; we use two functions and describe the font shape where we use it.
declare module 'fontkit' {
  export function create(data: Buffer, postscriptName?: string): unknown;
  export function openSync(path: string, postscriptName?: string): unknown;
}
