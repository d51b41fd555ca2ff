import type { LocalizedText } from './localized';

/**
 * The stable error codes of the API, with their NL/EN messages. Messages say what
 * happened and what to do next. Parameters are schema names, counts or file names,
 * never values from the microdata.
 */
type Params = Record<string, string | number>;
type Template = (p: Params) => LocalizedText;

const t = (nl: string, en: string): Template => (p) => ({ nl: fill(nl, p), en: fill(en, p) });

function fill(text: string, params: Params): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`));
}

export const ERROR_MESSAGES = {
  // --- boundary ---
  INVALID_REQUEST: t(
    'Het verzoek is ongeldig ({issue}). Dit is een fout in de toepassing; probeer opnieuw of herstart.',
    'The request is invalid ({issue}). This is an application error; try again or restart.',
  ),
  FORBIDDEN_SENDER: t(
    'Verzoek geweigerd: het kwam niet van het venster van de toepassing.',
    'Request refused: it did not come from the application window.',
  ),
  UNKNOWN_METHOD: t('Onbekende opdracht.', 'Unknown command.'),
  INTERNAL: t(
    'Er ging iets mis in de rekenmotor. Er is niets gewijzigd; probeer opnieuw.',
    'Something went wrong in the engine. Nothing was changed; please try again.',
  ),
  ENGINE_UNAVAILABLE: t(
    'De rekenmotor is gestopt. Herstart de toepassing; er is niets verloren.',
    'The engine stopped. Restart the application; nothing was lost.',
  ),
  NOT_SUPPORTED: t('Dit kan niet in deze omgeving ({what}).', 'This is not available here ({what}).'),
  CANCELLED: t('Geannuleerd.', 'Cancelled.'),
  // --- opening an extract ---
  NO_EXTRACT_OPEN: t('Open eerst een extract.', 'Open an extract first.'),
  FILE_NOT_FOUND: t(
    'Het bestand bestaat niet. Controleer het pad ({file}).',
    'The file does not exist. Check the path ({file}).',
  ),
  FILE_UNREADABLE: t(
    'Het bestand kan niet gelezen worden. Controleer de toegangsrechten ({file}).',
    'The file cannot be read. Check the access rights ({file}).',
  ),
  WRONG_PASSPHRASE: t(
    'De wachtwoordzin of de versleutelingsinstellingen kloppen niet. Controleer de wachtwoordzin en probeer SQLCipher 3 of aangepaste instellingen onder "Geavanceerd".',
    'The passphrase or the cipher settings are wrong. Check the passphrase, and try SQLCipher 3 or custom settings under "Advanced".',
  ),
  NOT_A_DATABASE: t(
    'Dit bestand is geen SQLite-database. Kies het versleutelde extract (.db, .sqlite).',
    'This file is not an SQLite database. Choose the encrypted extract (.db, .sqlite).',
  ),
  NOT_ENCRYPTED: t(
    'Dit is een onversleutelde SQLite-database. Extracten moeten versleuteld zijn (SQLCipher); maak er een versleuteld extract van, bv. via "Nieuw extract uit CSV".',
    'This is an unencrypted SQLite database. Extracts must be encrypted (SQLCipher); turn it into an encrypted extract, e.g. with "New extract from CSV".',
  ),
  CORRUPT_FILE: t(
    'Het bestand is afgekapt of beschadigd. Vraag een nieuwe kopie aan bij de leverancier.',
    'The file is truncated or corrupt. Ask the supplier for a fresh copy.',
  ),
  NOT_AN_EXTRACT: t(
    'Dit is geen studie-extract: {missing}. Zie docs/extract-format.md.',
    'This is not a study extract: {missing}. See docs/extract-format.md.',
  ),
  FILE_LOCKED: t(
    'Het bestand is vergrendeld door een ander programma. Sluit dat programma en probeer opnieuw.',
    'The file is locked by another program. Close that program and try again.',
  ),
  WORKSPACE_ERROR: t(
    'De werkruimte bij dit extract kan niet geopend worden ({reason}). Het extract zelf is niet gewijzigd.',
    'The workspace of this extract cannot be opened ({reason}). The extract itself was not changed.',
  ),
  // --- import ---
  IMPORT_INVALID: t(
    'De CSV-bestanden bevatten {total} fout(en). Er is geen bestand aangemaakt. Verbeter de bestanden en probeer opnieuw.',
    'The CSV files contain {total} error(s). No file was created. Correct the files and try again.',
  ),
  IMPORT_TARGET_EXISTS: t(
    'Het doelbestand bestaat al ({file}). Kies een andere naam; bestaande bestanden worden nooit overschreven.',
    'The target file already exists ({file}). Choose another name; existing files are never overwritten.',
  ),
  IMPORT_SOURCE_MISSING: t(
    'In de map ontbreekt {file}. Elke tabel van het extract heeft een CSV-bestand nodig.',
    'The folder lacks {file}. Every table of the extract needs a CSV file.',
  ),
  WEAK_PASSPHRASE: t(
    'De wachtwoordzin is te kort (minstens {min} tekens).',
    'The passphrase is too short (at least {min} characters).',
  ),
  // --- cohorts, matrices ---
  COHORT_NOT_FOUND: t('Er is geen bewaard cohort met die naam.', 'There is no saved cohort with that name.'),
  COHORT_NAME_TAKEN: t('Er bestaat al een cohort met die naam.', 'A cohort with that name already exists.'),
  RECIPE_INVALID: t(
    'Het receptbestand is ongeldig ({issue}).',
    'The recipe file is invalid ({issue}).',
  ),
  // --- disclosure control and export ---
  EXPORT_FORBIDDEN: t(
    'Het beleid van de beheerder verbiedt deze uitvoer ({reason}).',
    'The administrator\'s policy forbids this output ({reason}).',
  ),
  DIFFERENCING_RISK: t(
    'Uitvoer geweigerd: samen met eerdere uitvoer {earlier} zou het verschil een groep van minder dan {threshold} personen onthullen, ook met extra onderdrukte cellen. Kies een cohort dat minstens {threshold} personen verschilt, een hoger niveau, of perturbatie als methode.',
    'Export refused: together with earlier release {earlier} the difference would reveal a group of fewer than {threshold} persons, even with further cells suppressed. Choose a cohort that differs by at least {threshold} persons, a higher level, or perturbation as the method.',
  ),
  LINKED_TABLES: t(
    'Uitvoer geweigerd: samen met eerdere uitvoer {earlier} uit dit extract zou deze tabel beschermde cellen terug te rekenen maken, tenzij bijna alles onderdrukt wordt. Kies een hoger niveau (bv. arrondissement of provincie) of perturbatie als methode.',
    'Export refused: together with earlier release {earlier} of this extract this table would make protected cells recomputable unless nearly everything were suppressed. Choose a higher level (e.g. arrondissement or province) or perturbation as the method.',
  ),
  POLICY_INVALID: t(
    'Het beleidsbestand van de beheerder is ongeldig ({issue}). Uitvoer is geblokkeerd tot het hersteld is.',
    'The administrator\'s policy file is invalid ({issue}). Output is blocked until it is fixed.',
  ),
  WRITE_FAILED: t(
    'Het bestand kon niet geschreven worden ({reason}). Kies een andere map.',
    'The file could not be written ({reason}). Choose another folder.',
  ),
  AUDIT_BROKEN: t(
    'Het uitvoerlogboek is gewijzigd of beschadigd (item {entry}).',
    'The export audit log was altered or damaged (entry {entry}).',
  ),
} satisfies Record<string, Template>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;
export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as ErrorCode[];

export function errorMessage(code: ErrorCode, params: Params = {}): LocalizedText {
  return ERROR_MESSAGES[code](params);
}
