import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { displayPath } from './config/paths.ts';
import { BookError } from './errors.ts';

/** What the author can do about a fault of the output folder, by its error code. */
const OUTPUT_FAULTS: Record<string, [string, string]> = {
  ENOSPC: ['no space left on the device', 'free some space, or build to another folder with --out'],
  EDQUOT: ['the disk quota is used up', 'free some space, or build to another folder with --out'],
  EROFS: ['is on a read-only file system', 'build to another folder with --out'],
  EACCES: ['cannot be written: permission denied', 'fix its permissions, or build to another folder with --out'],
  EPERM: ['cannot be written: permission denied', 'fix its permissions, or build to another folder with --out'],
  EEXIST: ['is a file, not a folder', 'remove it, or build to another folder with --out'],
  ENOTDIR: ['is inside a file, not a folder', 'build to another folder with --out'],
  EISDIR: ['is a folder where an output file goes', 'remove or rename that folder'],
  EBUSY: ['is in use by another program', 'close it (a PDF viewer?) and build again'],
  ENAMETOOLONG: ['makes a file name too long', 'set a shorter output.name in the config'],
};

/** A fault writing `target` as one line naming it, or the error itself when it is not the output's. */
export function outputFault(target: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const known = OUTPUT_FAULTS[code];
  return known ? new BookError(displayPath(target), '', known[0], known[1]) : (error as Error);
}

/** Whether a process of this id is running (a temporary file of a build still under way is left alone). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// `.crait.pdf.4242.tmp` and `.crait.pdf.4242.old`: a build's files on their way in, and the ones they replace.
const LEFTOVER = /^\.(.+)\.(\d+)\.(?:tmp|old)$/;

/**
 * Files being written: each goes to a temporary name beside its target and is renamed into place
 * only when every output of the build is complete, all of them or none, so a failed or
 * interrupted build leaves the previous files as they were.
 */
export class PendingOutputs {
  /** Every set of outputs being written, so an interrupt can clear their temporary files. */
  static readonly active = new Set<PendingOutputs>();
  private readonly pending: { temp: string; target: string }[] = [];
  private prepared = false;

  constructor(readonly dir: string) {
    PendingOutputs.active.add(this);
  }

  /** Removes the temporary files of every build under way (on SIGINT or SIGTERM). */
  static discardAll(): void {
    for (const outputs of PendingOutputs.active) outputs.discard();
  }

  /** The output folder, made if need be, with what killed builds left in it (their temporary files) taken out. */
  private prepare(): void {
    if (this.prepared) return;
    try {
      mkdirSync(this.dir, { recursive: true });
    } catch (error) {
      throw outputFault(this.dir, error);
    }
    for (const name of readdirSync(this.dir)) {
      const found = LEFTOVER.exec(name);
      if (!found || running(Number(found[2]))) continue;
      const file = path.join(this.dir, name);
      // A replaced output a killed build did not put back is the output, if nothing took its place.
      if (name.endsWith('.old') && !existsSync(path.join(this.dir, found[1]!))) renameSync(file, path.join(this.dir, found[1]!));
      else rmSync(file, { force: true });
    }
    this.prepared = true;
  }

  /** A temporary path for `name`, to be renamed on commit(). */
  reserve(name: string): string {
    this.prepare();
    const target = path.join(this.dir, name);
    const temp = path.join(this.dir, `.${name}.${process.pid}.tmp`);
    this.pending.push({ temp, target });
    return temp;
  }

  write(name: string, data: string | Uint8Array): void {
    const temp = this.reserve(name);
    try {
      writeFileSync(temp, data);
    } catch (error) {
      throw outputFault(path.join(this.dir, name), error);
    }
  }

  /**
   * Puts every output in place, or none: each target that is there is first set aside, and if any
   * rename fails, the ones made are taken back and the set-aside ones put back before the fault is told.
   */
  commit(): string[] {
    for (const { target } of this.pending) {
      if (existsSync(target) && statSync(target).isDirectory()) {
        this.discard();
        throw outputFault(target, Object.assign(new Error('a folder'), { code: 'EISDIR' }));
      }
    }
    const setAside: { target: string; old: string }[] = [];
    const placed: string[] = [];
    try {
      for (const { target } of this.pending) {
        if (!existsSync(target)) continue;
        const old = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.old`);
        renameSync(target, old);
        setAside.push({ target, old });
      }
      for (const { temp, target } of this.pending) {
        renameSync(temp, target);
        placed.push(target);
      }
    } catch (error) {
      for (const target of placed) rmSync(target, { force: true });
      for (const { target, old } of setAside) renameSync(old, target);
      const failed = this.pending.find((p) => !placed.includes(p.target))?.target ?? this.dir;
      this.discard();
      throw outputFault(failed, error);
    }
    for (const { old } of setAside) rmSync(old, { force: true });
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
