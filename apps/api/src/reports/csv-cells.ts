/**
 * Characters that make a spreadsheet read a cell as a formula (or, tab and carriage return, that some spreadsheets
 * strip before doing so): a cell such as `=HYPERLINK(...)` typed into a patient's name must arrive as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Neutralises a text cell for CSV the way OWASP advises: a leading single quote makes the spreadsheet show the rest
 * as text. Numbers the report computed are not text and pass as numbers (a change of -2.5 stays a number).
 */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
