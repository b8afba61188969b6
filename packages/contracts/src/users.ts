import { z } from 'zod';
import { Id, IsoDateTime, PageQuery, pageOf } from './common';
import { RoleName } from './auth';

/** Password rules: long rather than complex (NIST SP 800-63B); the API also refuses common passwords. */
export const NewPassword = z
  .string()
  .min(12, 'must be at least 12 characters')
  .max(256, 'must be at most 256 characters');

const PersonName = z.string().trim().min(1, 'is required').max(200);
const Email = z.string().trim().toLowerCase().pipe(z.email().max(320));

export const User = z.object({
  id: Id,
  version: z.number().int(),
  email: z.string(),
  name: z.string(),
  roles: z.array(RoleName),
  clinicIds: z.array(Id),
  active: z.boolean(),
  mfaEnabled: z.boolean(),
  clinicianId: Id.nullable(),
  createdAt: IsoDateTime,
  deactivatedAt: IsoDateTime.nullable(),
});
export type User = z.infer<typeof User>;

export const UserListQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional(),
  role: RoleName.optional(),
  active: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type UserListQuery = z.input<typeof UserListQuery>;
export const UserPage = pageOf(User);

export const CreateUserRequest = z.object({
  email: Email,
  name: PersonName,
  roles: z.array(RoleName).min(1, 'choose at least one role'),
  clinicIds: z.array(Id).min(1, 'choose at least one clinic'),
});
export type CreateUserRequest = z.input<typeof CreateUserRequest>;

/** A one-time link to set (or reset) a password; the token is shown once and only its hash is stored. */
export const PasswordLink = z.object({ url: z.string(), expiresAt: IsoDateTime });
export type PasswordLink = z.infer<typeof PasswordLink>;

export const CreateUserResponse = z.object({ user: User, setPasswordLink: PasswordLink });
export type CreateUserResponse = z.infer<typeof CreateUserResponse>;

/** Admin edit; `version` is required (a stale one gets 409). Setting `active: false` ends the user's sessions. */
export const UpdateUserRequest = z.object({
  version: z.number().int(),
  name: PersonName.optional(),
  roles: z.array(RoleName).min(1, 'choose at least one role').optional(),
  clinicIds: z.array(Id).min(1, 'choose at least one clinic').optional(),
  active: z.boolean().optional(),
});
export type UpdateUserRequest = z.input<typeof UpdateUserRequest>;

export const PasswordResetRequest = z.object({ email: Email });
export type PasswordResetRequest = z.input<typeof PasswordResetRequest>;

export const PasswordResetComplete = z.object({ token: z.string().min(16).max(200), password: NewPassword });
export type PasswordResetComplete = z.input<typeof PasswordResetComplete>;

export const ChangePasswordRequest = z.object({ currentPassword: z.string().min(1).max(1024), newPassword: NewPassword });
export type ChangePasswordRequest = z.input<typeof ChangePasswordRequest>;

/** Answer to a reset request: always the same, whether or not the email belongs to an account (no enumeration). */
export const PasswordResetRequested = z.object({ message: z.string() });
export type PasswordResetRequested = z.infer<typeof PasswordResetRequested>;
