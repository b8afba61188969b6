import { dictionary } from '@zxcvbn-ts/language-common';
import { NewPassword } from '@ims/contracts';
import { InvalidInputError } from '../common/problem/domain-errors';

/**
 * zxcvbn-ts's list of ~49,000 passwords most often found in breach corpora (lower case). Most are shorter than
 * the 12-character minimum, but they still catch padded variants ("dragon123456") through the core check below.
 */
const COMMON_PASSWORDS: ReadonlySet<string> = new Set(dictionary['passwords-common']);

/** Shorter cores would refuse too much: "abc" + anything is not a weak password in itself. */
const MIN_CORE_LENGTH = 6;
/** Shorter email local parts ("jo") occur in too many honest passphrases to refuse on. */
const MIN_LOCAL_PART_LENGTH = 3;

export interface PasswordContext {
  /** The account's email: a password containing its local part is refused. */
  email?: string;
}

/**
 * Why a new password is refused, or undefined when it is acceptable. NIST SP 800-63B: length over complexity, and
 * refuse passwords known from breaches, repetitive ones and ones derived from the account's own name.
 */
export function passwordRefusal(password: string, context: PasswordContext = {}): string | undefined {
  const shape = NewPassword.safeParse(password);
  if (!shape.success) return shape.error.issues[0]?.message ?? 'is not an acceptable password';

  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return 'is one of the most common passwords; choose another';
  // "Password2026!" is "password" with decoration: strip leading/trailing digits and symbols and look again.
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  if (core.length >= MIN_CORE_LENGTH && COMMON_PASSWORDS.has(core)) return 'is a common password with a few characters added; choose another';
  if (new Set(lower).size < 4) return 'repeats too few different characters; choose another';

  const localPart = context.email?.split('@')[0]?.toLowerCase() ?? '';
  if (localPart.length >= MIN_LOCAL_PART_LENGTH && lower.includes(localPart)) return 'must not contain your email address or its name part';
  return undefined;
}

/** Throws a 400 naming `path` when the password is refused by passwordRefusal. */
export function assertPasswordAllowed(password: string, context: PasswordContext & { path: string }): void {
  const refusal = passwordRefusal(password, context);
  if (refusal) throw new InvalidInputError(`${context.path}: ${refusal}`, [{ path: context.path, message: refusal }]);
}
