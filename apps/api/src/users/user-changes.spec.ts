import { auditActionFor, diffUser, selfLockoutViolations, type EditableUserFields } from './user-changes';

const current: EditableUserFields = { name: 'Ana Ruiz', roles: ['physiotherapist', 'admin'], clinicIds: ['c2', 'c1'], active: true };

describe('diffUser', () => {
  it('lists only the fields that really change, comparing lists as sets', () => {
    expect(diffUser(current, { name: 'Ana Ruiz', roles: ['admin', 'physiotherapist'], clinicIds: ['c1', 'c2', 'c1'] })).toEqual({});
    expect(diffUser(current, { name: 'Ana R.', clinicIds: ['c1'] })).toEqual({
      name: { from: 'Ana Ruiz', to: 'Ana R.' },
      clinicIds: { from: ['c1', 'c2'], to: ['c1'] },
    });
  });

  it('records role and activity changes', () => {
    expect(diffUser(current, { roles: ['manager'], active: false })).toEqual({
      roles: { from: ['admin', 'physiotherapist'], to: ['manager'] },
      active: { from: true, to: false },
    });
  });
});

describe('auditActionFor', () => {
  it('names deactivation and reactivation, anything else is an update', () => {
    expect(auditActionFor({ active: { from: true, to: false }, name: { from: 'a', to: 'b' } })).toBe('deactivate');
    expect(auditActionFor({ active: { from: false, to: true } })).toBe('reactivate');
    expect(auditActionFor({ name: { from: 'a', to: 'b' } })).toBe('update');
  });
});

describe('selfLockoutViolations', () => {
  it('refuses an admin deactivating themself or dropping their own admin role', () => {
    const changes = diffUser(current, { roles: ['physiotherapist'], active: false });
    expect(selfLockoutViolations(true, changes).map((v) => v.rule)).toEqual(['self-deactivation', 'self-admin-removal']);
  });

  it('allows the same edit on another user, and self-edits that keep admin', () => {
    expect(selfLockoutViolations(false, diffUser(current, { roles: ['physiotherapist'], active: false }))).toEqual([]);
    expect(selfLockoutViolations(true, diffUser(current, { roles: ['admin'], name: 'New' }))).toEqual([]);
  });
});
