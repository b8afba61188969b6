import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

// OWASP's argon2id baseline (19 MiB, 2 passes) keeps a login near 50 ms on two cores.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordHasher {
  /** A real hash of a random secret, verified when the email is unknown so both failures take the same time. */
  private readonly decoy: Promise<string> = argon2.hash(`decoy-${Math.random()}-${Date.now()}`, OPTIONS);

  hash(password: string): Promise<string> {
    return argon2.hash(password, OPTIONS);
  }

  /** Verifies a password; with no stored hash it still spends the time of a verification and returns false. */
  async verify(password: string, storedHash: string | null | undefined): Promise<boolean> {
    if (!storedHash) {
      await argon2.verify(await this.decoy, password).catch(() => false);
      return false;
    }
    return argon2.verify(storedHash, password).catch(() => false);
  }
}
