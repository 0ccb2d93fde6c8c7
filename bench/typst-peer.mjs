// Sets a Typst document to PDF with Typst's npm compiler, as a process of its own (a cold start,
// as ours is timed): node typst-peer.mjs <compiler module> <font folder> <main.typ> <out.pdf>
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const [modulePath, fonts, main, out] = process.argv.slice(2);
const { NodeCompiler } = createRequire(import.meta.url)(modulePath);
const compiler = NodeCompiler.create({ workspace: path.dirname(main), fontArgs: [{ fontPaths: [fonts] }] });
const pdf = compiler.pdf({ mainFilePath: main });
writeFileSync(out, pdf);
