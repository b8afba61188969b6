import { parse } from 'csv-parse/sync';
import { csvFile } from './csv-export';
import { neutraliseCell } from './csv-cells';

describe('neutraliseCell', () => {
  it.each([
    ['=HYPERLINK("http://x.test","click")', `'=HYPERLINK("http://x.test","click")`],
    ['+1-555-0100', `'+1-555-0100`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1:A2)', `'@SUM(A1:A2)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
  ])('prefixes a quote to %j', (cell, expected) => {
    expect(neutraliseCell(cell)).toBe(expected);
  });

  it.each(['Ada Lovelace', 'Sick', '', "O'Brien", '1+1', ' =not first'])('leaves %j as it is', (cell) => {
    expect(neutraliseCell(cell)).toBe(cell);
  });
});

describe('csvFile', () => {
  const read = async (rows: object[], columns: string[]) => {
    const stream = csvFile({ filename: 'x.csv', columns, rows }).getStream();
    let text = '';
    for await (const chunk of stream) text += String(chunk);
    return text;
  };

  it('neutralises text cells but keeps numbers (a negative change) as numbers, booleans as words and null empty', async () => {
    const text = await read(
      [{ name: '=cmd|calc', change: -2.5, responder: false, note: null }, { name: '@evil', change: 3, responder: true, note: '-1' }],
      ['name', 'change', 'responder', 'note'],
    );
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(parse(text, { bom: true })).toEqual([
      ['name', 'change', 'responder', 'note'],
      ["'=cmd|calc", '-2.5', 'false', ''],
      ["'@evil", '3', 'true', "'-1"],
    ]);
  });

  it('writes the header line even without rows', async () => {
    expect(parse(await read([], ['a', 'b']), { bom: true })).toEqual([['a', 'b']]);
  });
});
