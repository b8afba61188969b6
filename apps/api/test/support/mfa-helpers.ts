import { totpCodeAt, totpStep } from '../../src/mfa/totp';
import { signIn, type SignedInAgent } from './sign-in';
import type { TestApp } from './test-app';

const STEP_MS = 30_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * An authenticator app for tests: hands out codes the server accepts now (its window is ±1 step) and never the same
 * step twice, as the server refuses re-used codes. Near a step boundary it waits for the next step, so a code is never
 * generated just before it falls out of the window.
 */
export class TestAuthenticator {
  private lastStep: number | undefined;
  lastCode: string | undefined;

  constructor(readonly secret: string) {}

  async nextCode(): Promise<string> {
    for (;;) {
      if (Date.now() % STEP_MS > STEP_MS - 2_000) await sleep(STEP_MS - (Date.now() % STEP_MS) + 50);
      const current = totpStep(Date.now());
      const step = Math.max(current - 1, (this.lastStep ?? -Infinity) + 1);
      if (step <= current + 1) {
        this.lastStep = step;
        this.lastCode = totpCodeAt(this.secret, step * STEP_MS);
        return this.lastCode;
      }
      await sleep(STEP_MS - (Date.now() % STEP_MS) + 50);
    }
  }

  /** A well-formed code the server does not accept now (a step far outside the window). */
  wrongCode(): string {
    const code = totpCodeAt(this.secret, Date.now() + 10 * STEP_MS);
    return code === totpCodeAt(this.secret, Date.now()) ? String((Number(code) + 1) % 1_000_000).padStart(6, '0') : code;
  }
}

/** Sets up and enables two-factor on a signed-in session; returns the authenticator and the recovery codes. */
export async function enrolMfa(agent: SignedInAgent): Promise<{ authenticator: TestAuthenticator; recoveryCodes: string[] }> {
  const setup = await agent.post('/api/auth/mfa/setup');
  if (setup.status !== 200) throw new Error(`mfa setup failed: ${setup.status} ${JSON.stringify(setup.body)}`);
  const authenticator = new TestAuthenticator(setup.body.secret);
  const enable = await agent.post('/api/auth/mfa/enable', { code: await authenticator.nextCode() });
  if (enable.status !== 200) throw new Error(`mfa enable failed: ${enable.status} ${JSON.stringify(enable.body)}`);
  return { authenticator, recoveryCodes: enable.body.recoveryCodes };
}

/** Signs in with password and, when the session asks for it, a code: an agent that may use the whole app. */
export async function signInWithMfa(testApp: TestApp, email: string, authenticator: TestAuthenticator): Promise<SignedInAgent> {
  const agent = await signIn(testApp, email);
  const verify = await agent.post('/api/auth/mfa/verify', { code: await authenticator.nextCode() });
  if (verify.status !== 200) throw new Error(`mfa verify failed: ${verify.status} ${JSON.stringify(verify.body)}`);
  return agent;
}
