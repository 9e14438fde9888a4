/**
 * A file written through a temporary sibling (`<file>.<pid>.tmp`) and renamed when done, so no
 * reader ever sees half a file (as cli/write-output.ts does for whole outputs). The temporary file
 * is also removed if the process exits before `commit()` (e.g. a second Ctrl-C).
 */
import { closeSync, existsSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';

export class TempFile {
  readonly temp: string;
  private fd: number | null;
  private readonly onExit = () => this.discard();

  constructor(readonly file: string) {
    this.temp = `${resolve(file)}.${process.pid}.tmp`;
    this.fd = openSync(this.temp, 'w');
    process.once('exit', this.onExit);
  }

  write(bytes: Uint8Array): void {
    if (this.fd === null) throw new Error(`${this.file}: write after close`);
    let at = 0;
    while (at < bytes.byteLength) at += writeSync(this.fd, bytes, at, bytes.byteLength - at);
  }

  /** Close and rename to the target name. */
  commit(): void {
    if (this.fd === null) throw new Error(`${this.file}: already closed`);
    closeSync(this.fd);
    this.fd = null;
    renameSync(this.temp, this.file);
    process.off('exit', this.onExit);
  }

  /** Close and delete the temporary file; a no-op after commit. */
  discard(): void {
    if (this.fd !== null) {
      closeSync(this.fd);
      this.fd = null;
      if (existsSync(this.temp)) unlinkSync(this.temp);
    }
    process.off('exit', this.onExit);
  }
}
