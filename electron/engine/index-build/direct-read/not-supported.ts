/**
 * The direct page reader handles only the simple case (see docs/open-performance.md). When
 * a file is anything else it throws this, and the open reads the index through SQLite
 * instead. The reason is a fixed phrase for tests, never a value from the file.
 */
export class DirectReadNotSupported extends Error {
  constructor(readonly reason: string) {
    super(`direct read not supported: ${reason}`);
    this.name = 'DirectReadNotSupported';
  }
}

/** A page whose HMAC does not verify: the open ends as it would through SQLite (CORRUPT_FILE). */
export class DirectReadCorruptPage extends Error {
  constructor() {
    super('page authentication failed');
    this.name = 'DirectReadCorruptPage';
  }
}
