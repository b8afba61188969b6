/** Shown under every new-password field: the rule the API enforces (12+ characters, not a common password). */
export const PASSWORD_HINT =
  'At least 12 characters. A few unrelated words make a strong password that is easy to remember.';

export const PASSWORDS_DIFFER = 'The two passwords do not match';
