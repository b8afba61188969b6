import { Anchor, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { CenteredPage } from '../../../components/ui/centered-page';
import { ApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { useLogout, useVerifyMfa } from '../api';
import { RequireSession } from '../components/require-session';
import { VerifyCodeForm } from '../components/verify-code-form';
import { safeNextPath } from '../next-path';

/** What to tell someone whose code was refused; the server's own detail wins when it sent one. */
function verifyFailureMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return errorMessage(error);
  if (error.problem.detail) return error.problem.detail;
  if (error.status === 429) {
    return error.retryAfterSeconds !== undefined
      ? `Too many attempts; try again in ${error.retryAfterSeconds} s`
      : 'Too many attempts; try again shortly';
  }
  if (error.status === 400 || error.status === 401) return 'That code is not right. Check it and try again.';
  return errorMessage(error);
}

const VERIFY_ONLY = ['verify'] as const;

function VerifyScreen({ next }: { next: string }) {
  const navigate = useNavigate();
  const verify = useVerifyMfa();
  const logout = useLogout();
  const [useRecoveryCode, setUseRecoveryCode] = useState(false);

  return (
    <CenteredPage
      title="Two-step verification"
      description={
        useRecoveryCode
          ? 'Enter one of your recovery codes to finish signing in.'
          : 'Open your authenticator app and enter the code it shows to finish signing in.'
      }
    >
      <Stack gap="md">
        <VerifyCodeForm
          useRecoveryCode={useRecoveryCode}
          onToggleMode={() => {
            verify.reset();
            setUseRecoveryCode((value) => !value);
          }}
          pending={verify.isPending}
          errorMessage={verify.isError ? verifyFailureMessage(verify.error) : null}
          onSubmit={(values) =>
            verify.mutate(values, { onSuccess: () => void navigate(next, { replace: true }) })
          }
        />
        <Group justify="center">
          <Anchor component="button" type="button" size="sm" c="dimmed" onClick={() => logout.mutate()}>
            Sign in as someone else
          </Anchor>
        </Group>
      </Stack>
    </CenteredPage>
  );
}

/** `/login/verify`: for a session that signed in with its password and still owes the code. */
export function VerifyPage() {
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  return (
    <RequireSession allow={VERIFY_ONLY} next={next}>
      <VerifyScreen next={next} />
    </RequireSession>
  );
}
