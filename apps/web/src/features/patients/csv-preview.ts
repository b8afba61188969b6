/**
 * The first `limit` records of a comma-separated file (RFC 4180: quoted fields may hold commas, doubled quotes
 * and line breaks; CRLF or LF; a UTF-8 BOM is ignored). Enough for the header row and sample values in the
 * browser; the API parses the whole file itself.
 */
export function parseCsvPreview(text: string, limit: number): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const endRecord = () => {
    record.push(field);
    field = '';
    // A blank line is not a record.
    if (record.length > 1 || record[0] !== '') records.push(record);
    record = [];
  };

  while (i < text.length && records.length < limit) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else field += char;
      i += 1;
      continue;
    }
    if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
    } else field += char;
    i += 1;
  }
  if (records.length < limit && (field !== '' || record.length > 0)) endRecord();
  return records;
}

/** The file's text as UTF-8, through FileReader (`Blob.text()` is missing from some embedded browsers). */
export function readFileText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsText(file, 'utf-8');
  });
}
