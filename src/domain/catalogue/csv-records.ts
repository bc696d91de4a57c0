// A small RFC 4180 reader for catalogue files: commas, CRLF or LF, fields in double quotes (with "" for a quote and
// line breaks inside). Each record keeps the line it starts on, so a bad row is reported by its line number.

export interface CsvRecord { line: number; fields: string[] }
export type CsvResult = { ok: true; records: CsvRecord[] } | { ok: false; line: number; code: 'unclosed_quote' | 'text_after_quote' };

/** Splits `text` into records; blank lines are skipped. */
export function readCsvRecords(text: string): CsvResult {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let afterQuote = false;
  let quoteLine = 1;
  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== '') records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    afterQuote = false;
  };
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
        afterQuote = true;
      } else {
        if (c === '\n') line += 1;
        field += c;
      }
      continue;
    }
    if (c === ',') {
      fields.push(field);
      field = '';
      afterQuote = false;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else if (c === '"' && field === '' && !afterQuote) {
      quoted = true;
      quoteLine = line;
    } else if (afterQuote) {
      return { ok: false, line, code: 'text_after_quote' };
    } else {
      field += c;
    }
  }
  if (quoted) return { ok: false, line: quoteLine, code: 'unclosed_quote' };
  endRecord();
  return { ok: true, records };
}
