import fc from 'fast-check';
import { encodeLoosely, hostileNumber, hostileString, hostileValue, pollutingObject, RawJson, toQueryText } from './hostile-values';

/**
 * Turns a route's zod contract into fast-check arbitraries: first a plausible input (the right shape, mostly valid
 * values, real ids of the test tenant), then that input with one part replaced by something hostile. Starting from
 * the right shape matters: a hostile value in one field of an otherwise valid body gets past the outer checks and
 * reaches the service and the database, where the interesting failures are.
 */

/** Real ids for uuid fields, by field name (clinicId, patientId, ...); unknown names get a random uuid. */
export type IdsByField = Record<string, string>;

interface ZodInternals {
  _zod: { def: Record<string, unknown> & { type: string } };
}

const defOf = (schema: unknown) => (schema as ZodInternals)._zod.def;
const checksOf = (schema: unknown) => ((defOf(schema).checks as ZodInternals[] | undefined) ?? []).map((check) => check._zod.def);

const MAX_DEPTH = 8;
const WORDS = ['Pat', 'Lee', 'knee', 'pain', 'Follow up', 'ok', 'Jordan', 'Smith', 'lower back', 'note'];

function bounds(schema: unknown) {
  let min: number | undefined;
  let max: number | undefined;
  let integer = false;
  let pattern: RegExp | undefined;
  for (const check of checksOf(schema)) {
    if (check.check === 'min_length') min = check.minimum as number;
    if (check.check === 'max_length') max = check.maximum as number;
    if (check.check === 'length_equals') min = max = check.length as number;
    if (check.check === 'greater_than') min = (check.value as number) + (check.inclusive ? 0 : 1);
    if (check.check === 'less_than') max = (check.value as number) - (check.inclusive ? 0 : 1);
    if (check.check === 'number_format') integer = true;
    if (check.check === 'string_format' && check.format === 'regex') pattern = check.pattern as RegExp;
  }
  const def = defOf(schema);
  if (def.format === 'safeint' || def.format === 'int32') integer = true;
  return { min, max, integer, pattern };
}

const DAY_MS = 86_400_000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const daysFromNow = (from: number, to: number) => fc.integer({ min: from, max: to }).map((days) => new Date(Date.now() + days * DAY_MS + 3_600_000 * 2));

/** Dates the rules accept for the field: births long ago, recorded facts (consentedOn, takenAt) in the recent past. */
function dateFor(key: string | undefined): fc.Arbitrary<Date> {
  if (key && /birth/i.test(key)) return daysFromNow(-30_000, -4_000);
  if (key && /(On|At)$/.test(key) && !/^(starts|ends|firstStarts|opens|closes)/i.test(key)) return daysFromNow(-60, -1);
  return daysFromNow(-30, 60);
}

/** Values for fields whose rules a random string will not meet, by the field's name. */
const BY_NAME: Array<[RegExp, fc.Arbitrary<string>]> = [
  [/phone/i, fc.constantFrom('+16045550123', '604-555-0199', '(604) 555 0142')],
  [/email/i, fc.constantFrom('pat@example.com', 'front.desk@test.clinic')],
  [/timeZone/i, fc.constantFrom('America/Vancouver', 'America/Toronto', 'Europe/London')],
  [/country/i, fc.constant('CA')],
];

function plausibleString(schema: unknown, key: string | undefined, ids: IdsByField): fc.Arbitrary<string> {
  const def = defOf(schema);
  const format = def.format as string | undefined;
  if (format === 'uuid' || format === 'guid') return key && ids[key] ? fc.constant(ids[key]) : fc.uuid();
  if (format === 'date') return dateFor(key).map(isoDay);
  // A local wall-clock time (no offset, minutes) or an instant (UTC on the wire).
  if (format === 'datetime') return dateFor(key).map((date) => (def.local && !def.offset ? date.toISOString().slice(0, 16) : date.toISOString()));
  const byName = key ? BY_NAME.find(([pattern]) => pattern.test(key)) : undefined;
  if (byName) return byName[1];
  if (format === 'time') return fc.tuple(fc.integer({ min: 7, max: 20 }), fc.constantFrom(0, 15, 30, 45)).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
  if (format === 'email') return fc.constantFrom('pat@example.com', 'front.desk@test.clinic');
  const { min = 0, max = 200, pattern } = bounds(schema);
  if (pattern) return fc.stringMatching(pattern);
  return fc
    .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 })
    .map((words) => words.join(' ').padEnd(min, 'x').slice(0, max));
}

function plausibleNumber(schema: unknown): fc.Arbitrary<number> {
  const { min, max, integer } = bounds(schema);
  const low = min ?? (max !== undefined ? Math.min(0, max - 10) : 0);
  const high = max ?? low + 10;
  // Fractions with one decimal: fields such as depth and gauge limit their decimals.
  return integer ? fc.integer({ min: Math.ceil(low), max: Math.floor(high) }) : fc.integer({ min: Math.ceil(low * 10), max: Math.floor(high * 10) }).map((tenths) => tenths / 10);
}

/** Fields that come in pairs, the first not after the second. */
const PAIRS: Array<[string, string]> = [
  ['from', 'to'],
  ['startsAt', 'endsAt'],
  ['validFrom', 'validTo'],
  ['start', 'end'],
  ['opensAt', 'closesAt'],
];

/** Fields that exclude each other: when both came out, the second is dropped. */
const EITHER: Array<[string, string]> = [
  ['startsAt', 'localStartsAt'],
  ['firstStartsAt', 'firstLocalStartsAt'],
  ['weekdays', 'intervalDays'],
];

function inOrder(value: Record<string, unknown>): Record<string, unknown> {
  const ordered = { ...value };
  for (const [kept, dropped] of EITHER) if (kept in ordered && dropped in ordered) delete ordered[dropped];
  for (const [first, second] of PAIRS) {
    const [a, b] = [ordered[first], ordered[second]];
    if (typeof a === 'string' && typeof b === 'string' && a > b) [ordered[first], ordered[second]] = [b, a];
  }
  return ordered;
}

/** A value of the schema's input shape, mostly valid. */
export function plausible(schema: unknown, ids: IdsByField, key?: string, depth = 0): fc.Arbitrary<unknown> {
  if (depth > MAX_DEPTH) return fc.constant(null);
  const def = defOf(schema);
  const inner = (child: unknown, childKey = key) => plausible(child, ids, childKey, depth + 1);
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      const model = Object.fromEntries(Object.entries(shape).map(([name, child]) => [name, inner(child, name)]));
      const requiredKeys = Object.entries(shape)
        .filter(([, child]) => !['optional', 'default', 'prefault'].includes(defOf(child).type))
        .map(([name]) => name);
      return fc.record(model, { requiredKeys }).map(inOrder);
    }
    case 'optional':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
    case 'default':
    case 'prefault':
    case 'success':
      return inner(def.innerType);
    case 'nullable':
      return fc.oneof({ weight: 4, arbitrary: inner(def.innerType) }, { weight: 1, arbitrary: fc.constant(null) });
    case 'pipe':
      // z.string().pipe(z.email()): the output side holds the rules; z.string().transform(f): only the input has a shape.
      return defOf(def.out).type === 'transform' ? inner(def.in) : inner(def.out);
    case 'string':
      return plausibleString(schema, key, ids);
    case 'number':
      return plausibleNumber(schema);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case 'array': {
      const { min = 0, max = 3 } = bounds(schema);
      return fc.array(inner(def.element), { minLength: min, maxLength: Math.max(min, Math.min(max, 3)) });
    }
    case 'tuple':
      return fc.tuple(...(def.items as unknown[]).map((item) => inner(item)));
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map((option) => inner(option)));
    case 'intersection':
      return fc.tuple(inner(def.left), inner(def.right)).map(([left, right]) => ({ ...(left as object), ...(right as object) }));
    case 'record': {
      const keyDef = defOf(def.keyType);
      // A record keyed by an enum must name every key.
      if (keyDef.type === 'enum') {
        const names = Object.values(keyDef.entries as Record<string, string>);
        return fc.record(Object.fromEntries(names.map((name) => [name, inner(def.valueType, name)])));
      }
      return fc.dictionary(fc.constantFrom(...WORDS), inner(def.valueType), { maxKeys: 3 });
    }
    case 'lazy':
      return inner((def.getter as () => unknown)());
    case 'date':
      return dateFor(key).map((date) => date.toISOString());
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Every node of a JSON-like value as a path (the root is the empty path). */
function pathsOf(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const paths = [prefix];
  if (Array.isArray(value)) value.forEach((item, index) => paths.push(...pathsOf(item, [...prefix, index])));
  else if (value !== null && typeof value === 'object' && !(value instanceof RawJson))
    for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  return paths;
}

function replaceAt(value: unknown, path: Array<string | number>, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((item, index) => (index === head ? replaceAt(item, rest, replacement) : item));
  const record = value as Record<string, unknown>;
  return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, key === head ? replaceAt(item, rest, replacement) : item]));
}

/** A hostile value shaped like what it replaces most of the time, anything at all otherwise. */
function hostileLike(original: unknown): fc.Arbitrary<unknown> {
  if (typeof original === 'string') return fc.oneof({ weight: 4, arbitrary: hostileString }, { weight: 1, arbitrary: hostileValue });
  if (typeof original === 'number') return fc.oneof({ weight: 3, arbitrary: hostileNumber }, { weight: 1, arbitrary: hostileValue });
  if (Array.isArray(original)) return fc.oneof(hostileValue, fc.array(hostileValue, { maxLength: 3 }), fc.constant(Array.from({ length: 5_000 }, () => original[0] ?? 1)));
  return hostileValue;
}

/** The plausible input with one node (a field, an item, or the whole body) replaced by a hostile value. */
function withOneHostileNode(base: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(base, fc.nat())
    .chain(([value, pick]) => {
      const paths = pathsOf(value);
      // Leaves first in the odds: the root replaced is covered by the fully hostile bodies below.
      const path = paths.length > 1 ? paths[1 + (pick % (paths.length - 1))] : paths[0];
      const original = path.reduce<unknown>((node, step) => (node as Record<string | number, unknown>)[step], value);
      return hostileLike(original).map((bad) => replaceAt(value, path, bad));
    });
}

/** The plausible input with __proto__/constructor keys added to one of its objects. */
function withPollutingKeys(base: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.tuple(base, fc.nat(), pollutingObject).map(([value, pick, keys]) => {
    const objects = pathsOf(value).filter((path) => {
      const node = path.reduce<unknown>((n, step) => (n as Record<string | number, unknown>)[step], value);
      return node !== null && typeof node === 'object' && !Array.isArray(node) && !(node instanceof RawJson);
    });
    if (objects.length === 0) return keys;
    const path = objects[pick % objects.length];
    const node = path.reduce<unknown>((n, step) => (n as Record<string | number, unknown>)[step], value) as Record<string, unknown>;
    return replaceAt(value, path, Object.fromEntries([...Object.entries(node), ...Object.entries(keys)]));
  });
}

/**
 * Hostile JSON bodies for a route whose body contract is `schema` (undefined: the route takes no body). `known` are
 * valid bodies to start from as well, for contracts whose rules the plausible generator cannot meet on its own.
 */
export function hostileBody(schema: unknown, ids: IdsByField, known: object[] = []): fc.Arbitrary<unknown> {
  const generated = schema ? plausible(schema, ids) : fc.constant({});
  const base = known.length > 0 ? fc.oneof(generated, fc.constantFrom(...known)) : generated;
  return fc.oneof(
    { weight: 8, arbitrary: withOneHostileNode(base) },
    { weight: 2, arbitrary: withPollutingKeys(base) },
    { weight: 1, arbitrary: base },
    { weight: 3, arbitrary: hostileValue },
  );
}

/** A query string (without `?`) of hostile values for a route whose query contract is `schema`. */
export function hostileQuery(schema: unknown, ids: IdsByField): fc.Arbitrary<string> {
  // A list parameter is the same name repeated (clinicId=a&clinicId=b).
  const base = (schema ? plausible(schema, ids) : fc.constant({})).map((value) =>
    Object.entries((value ?? {}) as Record<string, unknown>).flatMap(([key, item]): Array<[string, string]> =>
      (Array.isArray(item) ? item : [item]).map((one) => [key, toQueryText(one)]),
    ),
  );
  const names = schema ? Object.keys((defOf(schema).shape as Record<string, unknown> | undefined) ?? {}) : [];
  const name = names.length > 0 ? fc.constantFrom(...names) : fc.constantFrom('q', 'page', 'id');
  // Clipped: a URL over Node's 16 kB header limit never reaches the app (the spec checks that case on its own).
  const badText = fc.oneof({ weight: 3, arbitrary: hostileString.map((text) => text.slice(0, 500)) }, { weight: 1, arbitrary: hostileNumber.map(toQueryText) });
  const encoded = (pairs: Array<[string, string]>) => pairs.map(([key, item]) => `${encodeLoosely(key)}=${encodeLoosely(item)}`).join('&');
  return fc.oneof(
    // One parameter hostile.
    { weight: 5, arbitrary: fc.tuple(base, name, badText).map(([pairs, key, bad]) => encoded([...pairs.filter(([k]) => k !== key), [key, bad]])) },
    // A parameter given twice (express turns it into an array) or in bracket form.
    { weight: 2, arbitrary: fc.tuple(base, name, badText).map(([pairs, key, bad]) => encoded([...pairs, [key, bad], [key, bad]])) },
    { weight: 1, arbitrary: fc.tuple(base, name, badText).map(([pairs, key, bad]) => `${encoded(pairs)}&${encodeLoosely(key)}[${encodeLoosely(bad.slice(0, 20))}]=1`) },
    // Broken percent-encoding and unknown parameters.
    { weight: 1, arbitrary: fc.tuple(base, name, fc.constantFrom('%', '%zz', '%00', '%C0%AE', '%ED%A0%80', '%FF%FE', '%E2%80%AE')).map(([pairs, key, raw]) => `${encoded(pairs)}&${encodeLoosely(key)}=${raw}`) },
    { weight: 1, arbitrary: fc.tuple(base, fc.constantFrom('__proto__', 'constructor', '__proto__[polluted]', 'unknown'), badText).map(([pairs, key, bad]) => `${encoded(pairs)}&${key}=${encodeLoosely(bad)}`) },
    { weight: 1, arbitrary: base.map(encoded) },
  );
}

/** A path segment for an id parameter that is not one of ours. */
export const hostileIdSegment: fc.Arbitrary<string> = fc.oneof(
  hostileString.filter((text) => text.trim() !== '').map((text) => encodeLoosely(text.slice(0, 500))),
  fc.constantFrom('%00', '%', '%zz', '..%2F..%2Fhealth', '%2e%2e', 'null', 'undefined', '0'),
);
