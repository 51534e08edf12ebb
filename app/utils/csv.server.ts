// Every CSV file Dropin writes goes through here (the grid export, the HR credit
// export), so no cell can run as a spreadsheet formula.
import Papa from "papaparse";

// Excel, LibreOffice and Google Sheets treat a cell that starts with = + - @ (or a
// tab or line break before one) as a formula: "=HYPERLINK(…)" in a session title
// or a person's name would run on the coordinator's machine. papaparse's own
// escapeFormulae misses values with a line break in them (its pattern is anchored
// to one line), and names and room names can have one. The fullwidth forms are
// read as formulas by some East Asian spreadsheet locales.
const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;
// Plain numbers stay numbers: "-5" and "1.50" cannot run anything.
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** The cell as a spreadsheet will show it, never as a formula: a leading ' makes it text. */
export function neutraliseCell(value: string) {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** A CSV file with a header row, CRLF line ends, quotes only where needed. */
export function toCsv(columns: readonly string[], rows: readonly (readonly string[])[]) {
  return Papa.unparse(
    { fields: columns.map(neutraliseCell), data: rows.map((row) => row.map(neutraliseCell)) },
    { quotes: false, escapeFormulae: false, newline: "\r\n" },
  );
}
