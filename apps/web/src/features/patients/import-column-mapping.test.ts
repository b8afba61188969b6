import { describe, expect, it } from 'vitest';
import { autoMapColumns, normaliseHeader } from './import-column-mapping';

describe('autoMapColumns', () => {
  it('ignores case, spaces and punctuation in header names', () => {
    expect(normaliseHeader(' First Name ')).toBe('firstname');
    expect(autoMapColumns(['First Name', 'last_name', 'DOB'])).toEqual({
      firstName: 'First Name',
      lastName: 'last_name',
      dateOfBirth: 'DOB',
    });
  });

  it('maps common names from other systems and leaves unknown columns unmapped', () => {
    expect(
      autoMapColumns(['Surname', 'Given Name', 'Birth Date', 'Mobile', 'E-mail', 'PHN', 'Province', 'Zip', 'Favourite colour']),
    ).toEqual({
      lastName: 'Surname',
      firstName: 'Given Name',
      dateOfBirth: 'Birth Date',
      phone: 'Mobile',
      email: 'E-mail',
      healthNumber: 'PHN',
      region: 'Province',
      postalCode: 'Zip',
    });
  });

  it('lets an exact field name win over a synonym and uses each header once', () => {
    const mapping = autoMapColumns(['phone', 'Phone Alt', 'Home Phone', 'first_name', 'firstName']);
    expect(mapping.phone).toBe('phone');
    expect(mapping.phoneAlt).toBe('Phone Alt');
    expect(mapping.firstName).toBe('first_name');
    expect(Object.values(mapping).filter((header) => header === 'Home Phone')).toHaveLength(0);
  });

  it('maps nothing from no headers', () => {
    expect(autoMapColumns([])).toEqual({});
  });
});
