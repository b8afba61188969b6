import fc from 'fast-check';

/**
 * Hostile values for the fuzzing tests (test/http/hostile-input.spec.ts): what a careless client, a scanner or an
 * attacker sends. Each arbitrary mixes fixed payloads known to break naive code with random ones.
 */

/** SQL that would do damage if any query were built by string concatenation. */
export const SQL_PAYLOADS = [
  "'; DROP TABLE patient; --",
  "Robert'); --",
  "Robert'); DROP TABLE patient; --",
  "' OR '1'='1",
  "1' OR 1=1 --",
  '1; SELECT pg_sleep(10); --',
  "$$; DROP TABLE patient; $$",
  "\\'; DROP TABLE patient; --",
  '%',
  '_',
  '\\',
];

/** Markup that would run if anything rendered it as HTML. */
export const HTML_PAYLOADS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "javascript:alert('x')",
  '<svg/onload=alert(1)>',
  '{{constructor.constructor("alert(1)")()}}',
];

/** PostgreSQL text and jsonb cannot hold U+0000: these must be refused with a 400, never answered with a 500. */
export const NUL_PAYLOADS = ['\u0000', 'a\u0000b', 'Pat\u0000', '\u0000\u0000\u0000', '2026-01-01\u0000'];

/** Dates and instants that look right but are not (or sit at the edge of what JavaScript and PostgreSQL hold). */
export const DATE_PAYLOADS = [
  '2026-02-30',
  '2026-02-29',
  '2026-13-01',
  '2026-00-10',
  '0000-01-01',
  '0001-01-01',
  '9999-12-31',
  '+275760-09-13',
  '-000001-01-01',
  '2026-1-1',
  '2026-03-08T25:00:00Z',
  '2026-03-08T10:00:00+25:00',
  '2026-03-08T10:00:00',
  '2026-03-08T02:30:00-08:00',
  '9999-12-31T23:59:59Z',
  '0001-01-01T00:00:00Z',
  '1970-01-01T00:00:00.000000001Z',
  '2026-02-30T10:00:00Z',
  '99:99',
  '24:00',
  '23:60',
];

/** Ids that are not the UUIDs the API hands out. */
export const ID_PAYLOADS = [
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF',
  '00000000-0000-4000-8000-00000000000',
  '00000000-0000-4000-8000-0000000000000',
  '{00000000-0000-4000-8000-000000000000}',
  '1',
  '-1',
  '../../etc/passwd',
  '%00',
];

/** Strings that parse as numbers somewhere, or almost. */
export const NUMERIC_STRINGS = ['NaN', 'Infinity', '-Infinity', '-0', '1e309', '0x10', '1_000', ' 1', '9'.repeat(400), '', ' '];

const unicode = [
  '\u202Eevil\u202C', // right-to-left override
  'Zoë Ñúñez-Ørsted',
  '𝕳𝖊𝖑𝖑𝖔 👩‍⚕️🧷',
  '\uFEFFbom',
  '\u200B',
  'e\u0301',
  'ǅ',
  '\uD800', // a lone surrogate (JSON.stringify escapes it; the server sees an unpaired surrogate)
  '\r\n\t\u000B\f',
  '\u001B[31mred',
];

const longString = fc.constantFrom('x'.repeat(2_001), 'ab'.repeat(5_000), '𝕳'.repeat(20_000), "'".repeat(10_000), '<'.repeat(10_000));

/** A hostile string: payloads, edge cases and random text (any code point). */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SQL_PAYLOADS, ...HTML_PAYLOADS) },
  { weight: 3, arbitrary: fc.constantFrom(...NUL_PAYLOADS) },
  { weight: 2, arbitrary: fc.constantFrom(...DATE_PAYLOADS) },
  { weight: 2, arbitrary: fc.constantFrom(...ID_PAYLOADS) },
  { weight: 1, arbitrary: fc.constantFrom(...NUMERIC_STRINGS, ...unicode) },
  { weight: 1, arbitrary: longString },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 10 }), fc.constantFrom('\u0000', "'", '"', '\\', '<', '%')).map(([s, c]) => `${s}${c}${s}`) },
);

/**
 * JSON number text sent as is: `1e400` parses to Infinity and `-0` to negative zero, values JSON.stringify can never
 * produce.
 */
export class RawJson {
  constructor(readonly text: string) {}
}

/** Numbers at and beyond the edges: PostgreSQL integer overflow, unsafe integers, fractions, Infinity, -0. */
export const hostileNumber: fc.Arbitrary<number | RawJson> = fc.oneof(
  fc.constantFrom(0, -1, 1.5, -0.5, 2 ** 31, 2 ** 31 - 1, -(2 ** 31) - 1, 2 ** 53, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1e308, -1e308, 5e-324),
  fc.constantFrom(new RawJson('1e400'), new RawJson('-1e400'), new RawJson('-0'), new RawJson(`1${'0'.repeat(400)}`), new RawJson('1.0000000000000000000000001'), new RawJson('NaN')),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Keys that poison a prototype when code merges objects naively. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'];
const pollution = fc.constantFrom<unknown>({ polluted: 'yes' }, { toString: 'x', valueOf: 1 }, { prototype: { polluted: 'yes' } }, 'polluted');

/** An object whose own keys include __proto__/constructor (Object.fromEntries defines them as plain own keys). */
export const pollutingObject: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(fc.subarray(PROTOTYPE_KEYS, { minLength: 1 }), pollution)
  .map(([keys, value]) => Object.fromEntries(keys.map((key) => [key, value])));

/** Text of a deeply nested JSON document (well under the body limit). */
export const deeplyNested: fc.Arbitrary<RawJson> = fc
  .tuple(fc.constantFrom(100, 2_000, 20_000), fc.boolean())
  .map(([depth, arrays]) => new RawJson(arrays ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`));

/** Any hostile value, for a field whose type the fuzzer does not care about. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileString },
  { weight: 3, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(true, false, null, [], {}, [null], [[]], { '': '' }) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 4 }) },
  { weight: 1, arbitrary: pollutingObject },
  { weight: 1, arbitrary: deeplyNested },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** Serialises a body that may contain RawJson tokens and own __proto__ keys (which JSON.stringify keeps too). */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : toJsonText(item))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${toJsonText(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** How a value shows in a query string: RawJson as its text, objects as JSON, the rest as strings. */
export function toQueryText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (value !== null && typeof value === 'object') return toJsonText(value);
  return String(value);
}

/** encodeURIComponent that never throws (a lone surrogate is sent as its replacement character). */
export function encodeLoosely(text: string): string {
  return encodeURIComponent(text.replace(/\p{Cs}/gu, '\uFFFD'));
}
