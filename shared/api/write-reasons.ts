import type { LocalizedText } from './localized';

/**
 * Why a write failed, in words. Handlers report the operating system's or SQLite's code
 * (ENOENT, SQLITE_FULL…): it is stable for logs and tests, but means nothing to an analyst.
 */
const REASONS: Record<string, LocalizedText> = {
  ENOENT: { nl: 'de map bestaat niet', en: 'the folder does not exist' },
  ENOTDIR: { nl: 'een deel van het pad is geen map', en: 'part of the path is not a folder' },
  EISDIR: { nl: 'het pad is een map, geen bestand', en: 'the path is a folder, not a file' },
  EACCES: { nl: 'u hebt geen schrijfrechten in deze map', en: 'you have no permission to write in this folder' },
  EPERM: { nl: 'u hebt geen schrijfrechten in deze map', en: 'you have no permission to write in this folder' },
  EROFS: { nl: 'de schijf is alleen-lezen', en: 'the disk is read-only' },
  SQLITE_READONLY: { nl: 'de schijf is alleen-lezen', en: 'the disk is read-only' },
  ENOSPC: { nl: 'de schijf is vol', en: 'the disk is full' },
  EDQUOT: { nl: 'uw schijfquotum is op', en: 'your disk quota is used up' },
  SQLITE_FULL: { nl: 'de schijf is vol', en: 'the disk is full' },
  EEXIST: { nl: 'er bestaat al een bestand met die naam', en: 'a file with that name already exists' },
  EBUSY: { nl: 'het bestand is in gebruik, misschien open in een ander programma', en: 'the file is in use, perhaps open in another program' },
  ENAMETOOLONG: { nl: 'het pad is te lang', en: 'the path is too long' },
  EMFILE: { nl: 'te veel bestanden tegelijk open', en: 'too many files are open' },
  EIO: { nl: 'een lees- of schrijffout van de schijf', en: 'a disk input/output error' },
  io: { nl: 'een lees- of schrijffout van de schijf', en: 'a disk input/output error' },
  SQLITE_CANTOPEN: { nl: 'het bestand kon niet aangemaakt worden', en: 'the file could not be created' },
  clipboard: { nl: 'het klembord is niet beschikbaar', en: 'the clipboard is not available' },
  'path not absolute': { nl: 'het pad is niet volledig (begin bij de schijf of de hoofdmap)', en: 'the path is not complete (start at the drive or the root folder)' },
};

/** The reason in words; an unknown code becomes "an unexpected error of the system (CODE)". */
export function writeReason(code: string): LocalizedText {
  const known = REASONS[code] ?? (code.startsWith('SQLITE_IOERR') ? REASONS.io : undefined);
  return known ?? { nl: `een onverwachte fout van het systeem (${code})`, en: `an unexpected system error (${code})` };
}
