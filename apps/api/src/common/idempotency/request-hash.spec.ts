import { requestHash, stableJson } from './request-hash';

describe('stableJson', () => {
  it('sorts keys at every level and drops undefined members', () => {
    expect(stableJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: undefined } })).toBe('{"a":{"d":[2,{"y":null,"z":1}]},"b":1}');
  });

  it('writes dates as ISO strings and undefined array items as null', () => {
    expect(stableJson([new Date('2026-01-02T03:04:05Z'), undefined])).toBe('["2026-01-02T03:04:05.000Z",null]');
  });
});

describe('requestHash', () => {
  it('is the same for bodies that differ only in key order', () => {
    expect(requestHash('post', '/api/patients', { a: 1, b: 'x' })).toBe(requestHash('POST', '/api/patients', { b: 'x', a: 1 }));
  });

  it('differs when the body, the path or the method differs', () => {
    const base = requestHash('POST', '/api/patients', { a: 1 });
    expect(requestHash('POST', '/api/patients', { a: 2 })).not.toBe(base);
    expect(requestHash('POST', '/api/other', { a: 1 })).not.toBe(base);
    expect(requestHash('PUT', '/api/patients', { a: 1 })).not.toBe(base);
  });
});
