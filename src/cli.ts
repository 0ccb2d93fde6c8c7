// The CLI's entry: what must happen before the commands load (src/commands.ts) happens here.
import { mayDrawPdf, prestartPdfThread } from './pdf-thread-prestart.ts';

if (mayDrawPdf(process.argv.slice(2))) prestartPdfThread();
await import('./commands.ts');
