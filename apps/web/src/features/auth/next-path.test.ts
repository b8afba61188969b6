import { describe, expect, it } from 'vitest';
import { loginPathFor, safeNextPath } from './next-path';

describe('safeNextPath', () => {
  it.each([
    ['/patients?q=smith', '/patients?q=smith'],
    [null, '/'],
    ['', '/'],
    ['https://evil.example/', '/'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['/login', '/'],
    ['/login?next=%2F', '/'],
  ])('%s → %s', (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });
});

describe('loginPathFor', () => {
  it('carries the current path as next', () => {
    expect(loginPathFor('/patients?q=smith')).toBe('/login?next=%2Fpatients%3Fq%3Dsmith');
    expect(loginPathFor('/')).toBe('/login');
  });
});
