import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { isLogEventName, LogFields, type LogEventName, type LogLine } from './log-fields';

/**
 * The app's event log: what happened and how it ended (event name, error code, counts,
 * durations), never what it was about. Usage:
 *
 *   log.event('engine.call', { method: 'extract.open', ok: false, code: 'WRONG_PASSPHRASE', ms: 12 });
 *
 * Writing never throws: a full disk or a read-only folder must not break a call.
 */
export interface EventLog {
  event(name: LogEventName, fields?: LogFields): void;
}

export const LOG_FILE_NAME = 'verhuis.log';
/** The log folder under the app's data folder (Electron's userData, or the CLI's --data-dir). */
export const logDirOf = (dataDir: string): string => path.join(dataDir, 'logs');

/**
 * Checks an event and turns it into one line. Anything outside the allowed field set
 * (an unknown key, a string where an enum is expected, NaN) drops the fields and logs
 * 'log.rejected' instead, so a programming error shows up without leaking what was passed.
 */
export function toLogLine(name: unknown, fields: unknown, now: Date = new Date()): LogLine {
  const parsed = LogFields.safeParse(fields ?? {});
  if (!isLogEventName(name) || !parsed.success) return { t: now.toISOString(), event: 'log.rejected' };
  const clean = parsed.data as LogFields;
  if (clean.ms !== undefined) clean.ms = Math.round(clean.ms * 10) / 10;
  return { t: now.toISOString(), event: name, ...clean };
}

export interface FileEventLogOptions {
  /** Rotate when the file passes this size (bytes). */
  maxBytes?: number;
  /** Rotated files kept besides the current one (verhuis.log.1 … .N). */
  keep?: number;
}

/**
 * A small rotating log file: verhuis.log, rotated to verhuis.log.1 … .keep. The folder is
 * created on the first event (owner-only permissions), so an engine that logs nothing
 * writes nothing.
 */
export function createFileEventLog(dir: string, options: FileEventLogOptions = {}): EventLog & { readonly file: string } {
  const maxBytes = options.maxBytes ?? 256 * 1024;
  const keep = options.keep ?? 2;
  const file = path.join(dir, LOG_FILE_NAME);
  let size: number | null = null;

  const rotate = () => {
    rmSync(`${file}.${keep}`, { force: true });
    for (let i = keep - 1; i >= 1; i--) {
      try {
        renameSync(`${file}.${i}`, `${file}.${i + 1}`);
      } catch {
        // a missing older file is normal
      }
    }
    if (keep >= 1) renameSync(file, `${file}.1`);
    else rmSync(file, { force: true });
    size = 0;
  };

  return {
    file,
    event(name, fields) {
      try {
        const text = `${JSON.stringify(toLogLine(name, fields))}\n`;
        if (size === null) {
          mkdirSync(dir, { recursive: true, mode: 0o700 });
          try {
            size = statSync(file).size;
          } catch {
            size = 0;
          }
        }
        if (size > 0 && size + text.length > maxBytes) rotate();
        appendFileSync(file, text, { mode: 0o600 });
        size += text.length;
      } catch {
        // Logging is best effort; the call it describes goes on.
        size = null;
      }
    },
  };
}

/** Keeps the lines in memory: for tests, and for hosts that must not write (fuzzing). */
export function createMemoryEventLog(): EventLog & { readonly lines: LogLine[] } {
  const lines: LogLine[] = [];
  return {
    lines,
    event(name, fields) {
      lines.push(toLogLine(name, fields));
    },
  };
}

export const nullEventLog: EventLog = { event() {} };
