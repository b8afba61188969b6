import { Inject, Injectable } from '@nestjs/common';
import type { Prisma } from '@ims/prisma';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { requireAppSecret } from '../config/app-secret';
import { SecretBox } from '../crypto/secret-box';
import { generateRecoveryCodes, RecoveryCodeHasher } from './recovery-codes';
import { matchTotp } from './totp';
import { TotpVault } from './totp-vault';

type Tx = Prisma.TransactionClient;

/**
 * The stored second factors of a user: the sealed TOTP secret (with its last accepted step) and the recovery-code
 * hashes. Each check spends what it accepts with a conditional UPDATE inside the caller's transaction, so two
 * requests racing with the same code cannot both pass.
 */
@Injectable()
export class MfaCredentials {
  private readonly vault: TotpVault;
  private readonly recoveryHasher: RecoveryCodeHasher;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const appSecret = requireAppSecret(config);
    this.vault = new TotpVault(new SecretBox(appSecret, 'totp'));
    this.recoveryHasher = new RecoveryCodeHasher(appSecret);
  }

  /** The sealed column value for a new secret nobody has used a code of yet. */
  sealNewSecret(userId: string, secret: string): string {
    return this.vault.seal(userId, { secret, lastStep: null });
  }

  /**
   * True when `code` is a fresh valid code of the user's secret in the given state (`pending`: set up but not yet
   * enabled; `enabled`); the accepted step is stored so the same code never passes again.
   */
  async acceptTotp(tx: Tx, userId: string, code: string, state: 'pending' | 'enabled'): Promise<boolean> {
    const row = await tx.user.findUnique({ where: { id: userId }, select: { totpSecretEnc: true, totpEnabledAt: true } });
    if (!row?.totpSecretEnc || (row.totpEnabledAt !== null) !== (state === 'enabled')) return false;
    const payload = this.vault.open(userId, row.totpSecretEnc);
    const step = matchTotp(payload.secret, code, { lastStep: payload.lastStep });
    if (step === undefined) return false;
    const { count } = await tx.user.updateMany({
      where: { id: userId, totpSecretEnc: row.totpSecretEnc },
      data: { totpSecretEnc: this.vault.seal(userId, { secret: payload.secret, lastStep: step }) },
    });
    return count === 1;
  }

  /** Spends one unused recovery code; false when it is unknown or already used. */
  async spendRecoveryCode(tx: Tx, userId: string, code: string): Promise<boolean> {
    const { count } = await tx.mfaRecoveryCode.updateMany({
      where: { userId, codeHash: this.recoveryHasher.hash(code), usedAt: null },
      data: { usedAt: new Date() },
    });
    return count === 1;
  }

  /** Replaces all of a user's recovery codes with a fresh set and returns them (the only time they are readable). */
  async replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
    const codes = generateRecoveryCodes();
    await tx.mfaRecoveryCode.deleteMany({ where: { userId } });
    await tx.mfaRecoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: this.recoveryHasher.hash(code) })) });
    return codes;
  }

  async unusedRecoveryCodes(tx: Tx, userId: string): Promise<number> {
    return tx.mfaRecoveryCode.count({ where: { userId, usedAt: null } });
  }

  /** Removes every second factor of a user (disable, admin reset). */
  async clear(tx: Tx, userId: string): Promise<void> {
    await tx.user.update({ where: { id: userId }, data: { totpSecretEnc: null, totpEnabledAt: null } });
    await tx.mfaRecoveryCode.deleteMany({ where: { userId } });
  }
}
