/**
 * Formula injection in CSV (OWASP "CSV Injection"): a spreadsheet turns a text field that
 * starts with =, +, -, @, a tab or a carriage return into a formula. Such text fields get a
 * leading apostrophe, and every field with a separator, quote or line break is quoted.
 * Numbers are written by the caller as numbers (a negative count stays a number).
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function neutraliseText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One text field of a delimited file: neutralised, then quoted where needed (RFC 4180). */
export function textField(text: string, sep: string): string {
  const safe = neutraliseText(text);
  return /[";\t\n\r]/.test(safe) || safe.includes(sep) || safe.startsWith("'") ? `"${safe.replace(/"/g, '""')}"` : safe;
}
