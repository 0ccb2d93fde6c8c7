import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Files being written: each goes to a temporary name beside its target and is renamed into place
 * only when every output of the build is complete, so a failed or interrupted build leaves the
 * previous files as they were.
 */
export class PendingOutputs {
  /** Every set of outputs being written, so an interrupt can clear their temporary files. */
  static readonly active = new Set<PendingOutputs>();
  private readonly pending: { temp: string; target: string }[] = [];

  constructor(readonly dir: string) {
    PendingOutputs.active.add(this);
  }

  /** Removes the temporary files of every build under way (on SIGINT or SIGTERM). */
  static discardAll(): void {
    for (const outputs of PendingOutputs.active) outputs.discard();
  }

  /** A temporary path for `name`, to be renamed on commit(). */
  reserve(name: string): string {
    mkdirSync(this.dir, { recursive: true });
    const target = path.join(this.dir, name);
    const temp = path.join(this.dir, `.${name}.${process.pid}.tmp`);
    this.pending.push({ temp, target });
    return temp;
  }

  write(name: string, data: string | Uint8Array): void {
    writeFileSync(this.reserve(name), data);
  }

  commit(): string[] {
    for (const { temp, target } of this.pending) renameSync(temp, target);
    const targets = this.pending.map((p) => p.target);
    this.pending.length = 0;
    PendingOutputs.active.delete(this);
    return targets;
  }

  discard(): void {
    for (const { temp } of this.pending) rmSync(temp, { force: true });
    this.pending.length = 0;
    PendingOutputs.active.delete(this);
  }
}
