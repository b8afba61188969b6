import { Alert, Anchor, Group, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { CenteredPage } from '../../../components/ui/centered-page';
import { meQueryOptions, useLogout } from '../../auth/api';
import { RequireSession } from '../../auth/components/require-session';
import { safeNextPath } from '../../auth/next-path';
import { MfaSetupSteps } from '../components/mfa-setup-steps';
import { RecoveryCodesPanel } from '../components/recovery-codes-panel';

const ENROL_OR_SIGNED_IN = ['enrol', 'passed'] as const;

function SetupScreen({ next }: { next: string }) {
  const navigate = useNavigate();
  const logout = useLogout();
  const me = useQuery(meQueryOptions());
  // The session's state when the screen opened: enabling turns 'enrol' into 'passed', the wording should not flip.
  const [enrolling] = useState(me.data?.mfa === 'enrol');
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  return (
    <CenteredPage title="Set up two-step verification" size={520}>
      {recoveryCodes ? (
        <RecoveryCodesPanel codes={recoveryCodes} onDone={() => void navigate(next, { replace: true })} />
      ) : (
        <Stack gap="md">
          {enrolling ? (
            <Alert color="clinic" variant="light" title="Required for your role">
              Accounts that can manage users or see clinic-wide reports must use two-step verification. Set it up
              now to continue; from then on you will enter a code from your phone each time you sign in.
            </Alert>
          ) : null}
          <MfaSetupSteps onEnabled={setRecoveryCodes} />
          <Group justify="center">
            {enrolling ? (
              <Anchor component="button" type="button" size="sm" c="dimmed" onClick={() => logout.mutate()}>
                Sign out
              </Anchor>
            ) : (
              <Anchor component={Link} to={next} size="sm">
                Cancel
              </Anchor>
            )}
          </Group>
        </Stack>
      )}
    </CenteredPage>
  );
}

/**
 * `/account/two-factor/setup`: both for a session whose role requires two-factor and that has none yet (nothing
 * else works until it is set up) and for a user turning it on from their account page.
 */
export function MfaSetupPage() {
  const next = safeNextPath(useSearchParams()[0].get('next'));
  return (
    <RequireSession allow={ENROL_OR_SIGNED_IN} next={next}>
      <SetupScreen next={next} />
    </RequireSession>
  );
}
