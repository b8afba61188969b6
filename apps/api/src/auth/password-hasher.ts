import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import pLimit from 'p-limit';

// OWASP's argon2id baseline (19 MiB, 2 passes) keeps a login near 50 ms on two cores.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * Hashes computed at once. Each holds its 19 MiB for its duration; two keep both cores busy, and more would only
 * wait in libuv's thread pool holding memory (a burst of sign-ins grew the API by 19 MiB per concurrent login).
 */
const AT_ONCE = 2;

@Injectable()
export class PasswordHasher {
  private readonly limit = pLimit(AT_ONCE);

  /** A real hash of a random secret, verified when the email is unknown so both failures take the same time. */
  private readonly decoy: Promise<string> = this.limit(() => argon2.hash(`decoy-${Math.random()}-${Date.now()}`, OPTIONS));

  hash(password: string): Promise<string> {
    return this.limit(() => argon2.hash(password, OPTIONS));
  }

  /** Verifies a password; with no stored hash it still spends the time of a verification and returns false. */
  async verify(password: string, storedHash: string | null | undefined): Promise<boolean> {
    if (!storedHash) {
      const decoy = await this.decoy;
      await this.limit(() => argon2.verify(decoy, password)).catch(() => false);
      return false;
    }
    return this.limit(() => argon2.verify(storedHash, password)).catch(() => false);
  }
}
