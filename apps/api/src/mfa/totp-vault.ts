import { SecretBox, SecretBoxError } from '../crypto/secret-box';

/**
 * What app_user.totp_secret_enc holds once opened: the shared secret and the last time step accepted. Keeping the
 * step inside the sealed payload (re-sealed on every accepted code) makes codes single-use with no extra column.
 */
export interface TotpPayload {
  secret: string;
  lastStep: number | null;
}

/** Seals TOTP payloads bound to their user (the user id is the AES-GCM associated data). */
export class TotpVault {
  constructor(private readonly box: SecretBox) {}

  seal(userId: string, payload: TotpPayload): string {
    return this.box.seal(JSON.stringify(payload), userId);
  }

  /** Opens a stored payload; a value that does not open (APP_SECRET changed, row tampered) is an error, not "no code". */
  open(userId: string, sealed: string): TotpPayload {
    const parsed = JSON.parse(this.box.open(sealed, userId)) as Partial<TotpPayload>;
    if (typeof parsed.secret !== 'string') throw new SecretBoxError('sealed TOTP payload has no secret');
    return { secret: parsed.secret, lastStep: typeof parsed.lastStep === 'number' ? parsed.lastStep : null };
  }
}
