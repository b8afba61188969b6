import { describe, expect, it } from 'vitest';
import { parseCsvPreview } from './csv-preview';

describe('parseCsvPreview', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF and a BOM', () => {
    const csv = '\uFEFFFirst Name,Last Name,Notes\r\n"Ana","O\'Neil","likes ""early"", slots"\r\nBo,Li,"two\nlines"\r\n';
    expect(parseCsvPreview(csv, 10)).toEqual([
      ['First Name', 'Last Name', 'Notes'],
      ['Ana', "O'Neil", 'likes "early", slots'],
      ['Bo', 'Li', 'two\nlines'],
    ]);
  });

  it('stops after the limit and skips blank lines', () => {
    expect(parseCsvPreview('a,b\n\n1,2\n3,4\n', 2)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsvPreview('a,b', 5)).toEqual([['a', 'b']]);
    expect(parseCsvPreview('', 5)).toEqual([]);
  });
});
