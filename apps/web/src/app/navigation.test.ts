import { RoleName } from '@ims/contracts';
import { describe, expect, it } from 'vitest';
import { navigation, navigationFor, type NavigationEntry } from './navigation';

const entries: NavigationEntry[] = [
  { path: '/', label: 'Today', roles: ['receptionist', 'physiotherapist', 'manager', 'admin'] },
  { path: '/patients', label: 'Patients', roles: ['receptionist', 'physiotherapist'] },
  { path: '/visits', label: 'Visits', roles: ['physiotherapist'] },
  { path: '/reports', label: 'Reports', roles: ['manager', 'admin'] },
  { path: '/admin', label: 'Admin', roles: ['admin'] },
];

const labels = (list: NavigationEntry[]) => list.map((entry) => entry.label);

describe('navigationFor', () => {
  it('shows each role only its own screens', () => {
    expect(labels(navigationFor(['receptionist'], entries))).toEqual(['Today', 'Patients']);
    expect(labels(navigationFor(['physiotherapist'], entries))).toEqual(['Today', 'Patients', 'Visits']);
    expect(labels(navigationFor(['manager'], entries))).toEqual(['Today', 'Reports']);
    expect(labels(navigationFor(['admin'], entries))).toEqual(['Today', 'Reports', 'Admin']);
  });

  it('unions several roles without duplicates and keeps the display order', () => {
    expect(labels(navigationFor(['admin', 'receptionist'], entries))).toEqual([
      'Today',
      'Patients',
      'Reports',
      'Admin',
    ]);
  });

  it('shows nothing to a user without roles', () => {
    expect(navigationFor([], entries)).toEqual([]);
  });

  it('shows the admin screens to admins only, and Schedule and Patients to every role', () => {
    expect(labels(navigationFor(['admin']))).toEqual(['Today', 'Schedule', 'Patients', 'Users', 'Clinicians', 'Clinics', 'Audit log']);
    expect(labels(navigationFor(['receptionist']))).toEqual(['Today', 'Schedule', 'Patients']);
    expect(labels(navigationFor(['physiotherapist', 'manager']))).toEqual(['Today', 'My day', 'Schedule', 'Patients', 'Reports']);
  });

  it('puts My day right after Today, for physiotherapists only', () => {
    expect(labels(navigationFor(['physiotherapist'])).slice(0, 2)).toEqual(['Today', 'My day']);
    for (const role of RoleName.options) {
      expect(labels(navigationFor([role])).includes('My day')).toBe(role === 'physiotherapist');
    }
  });

  it('shows Reports to managers only, after Patients', () => {
    expect(labels(navigationFor(['manager']))).toEqual(['Today', 'Schedule', 'Patients', 'Reports']);
    for (const role of RoleName.options) {
      expect(labels(navigationFor([role])).includes('Reports')).toBe(role === 'manager');
    }
  });

  it('shows Clinics to admins only', () => {
    for (const role of RoleName.options) {
      expect(labels(navigationFor([role])).includes('Clinics')).toBe(role === 'admin');
    }
  });

  it('gives every role the Today screen; each entry has a unique path and at least one role', () => {
    for (const role of RoleName.options) expect(labels(navigationFor([role]))).toContain('Today');
    expect(new Set(navigation.map((entry) => entry.path)).size).toBe(navigation.length);
    for (const entry of navigation) expect(entry.roles.length).toBeGreaterThan(0);
  });
});
