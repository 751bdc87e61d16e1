/**
 * CSV options of every export: CRLF line ends (what spreadsheets expect), and a cell that
 * starts with = + - @ (or a tab or carriage return) is prefixed with a quote so that text
 * written by a user cannot run as a formula in a spreadsheet (OWASP "CSV injection").
 */
export const CSV_OPTIONS = { record_delimiter: 'windows', escape_formulas: true } as const;
