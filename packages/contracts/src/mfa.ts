import { z } from 'zod';

/** Six digits from an authenticator app (spaces tolerated). */
export const TotpCode = z
  .string()
  .transform((code) => code.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'must be the 6-digit code from your authenticator app'));

/** A one-time recovery code as shown at enrolment (xxxxx-xxxxx), case and dashes tolerated. */
export const RecoveryCode = z
  .string()
  .transform((code) => code.trim().toLowerCase())
  .pipe(z.string().regex(/^[a-z0-9]{5}-?[a-z0-9]{5}$/, 'must be a recovery code like abcde-12345'));

/** Starting enrolment: the secret to add to an authenticator app, as text and as an otpauth:// URI (QR code). */
export const MfaSetupResponse = z.object({ secret: z.string(), otpauthUrl: z.string(), qrCodeDataUrl: z.string() });
export type MfaSetupResponse = z.infer<typeof MfaSetupResponse>;

export const MfaEnableRequest = z.object({ code: TotpCode });
export type MfaEnableRequest = z.input<typeof MfaEnableRequest>;

/** Recovery codes are shown once, at enrolment. */
export const MfaEnableResponse = z.object({ recoveryCodes: z.array(z.string()) });
export type MfaEnableResponse = z.infer<typeof MfaEnableResponse>;

/** Second step of sign-in: a code from the app, or one recovery code. */
export const MfaVerifyRequest = z.union([z.object({ code: TotpCode }), z.object({ recoveryCode: RecoveryCode })]);
export type MfaVerifyRequest = z.input<typeof MfaVerifyRequest>;

export const MfaDisableRequest = z.object({ password: z.string().min(1).max(1024), code: TotpCode });
export type MfaDisableRequest = z.input<typeof MfaDisableRequest>;
