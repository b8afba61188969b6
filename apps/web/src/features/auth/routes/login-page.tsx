import { Alert, Anchor, Group, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { CenteredPage } from '../../../components/ui/centered-page';
import { FullPageLoader } from '../../../components/ui/full-page-loader';
import { ApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { authConfigQueryOptions, meQueryOptions, useLogin } from '../api';
import { LoginForm } from '../components/login-form';
import { safeNextPath } from '../next-path';
import { pathAfterSignIn } from '../session-routing';

/** What another page may hand the login page through navigation state, e.g. "password changed". */
export interface LoginPageState {
  notice?: string;
}

/** What to tell someone whose sign-in was refused; the server's own detail wins when it sent one. */
export function loginFailureMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return errorMessage(error);
  if (error.problem.detail) return error.problem.detail;
  if (error.status === 401) return 'Email or password is incorrect';
  if (error.status === 429) {
    return error.retryAfterSeconds !== undefined
      ? `Too many attempts; try again in ${error.retryAfterSeconds} s`
      : 'Too many attempts; try again shortly';
  }
  return errorMessage(error);
}

/**
 * `/login`: public. A session that is already signed in goes on to `next`, or to the second-factor step it still
 * owes (code, or set-up when the role requires two-factor).
 */
export function LoginPage() {
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const notice = (useLocation().state as LoginPageState | null)?.notice;
  const navigate = useNavigate();
  const me = useQuery(meQueryOptions());
  const config = useQuery(authConfigQueryOptions());
  const login = useLogin();

  if (me.isPending) return <FullPageLoader label="Checking your session…" />;
  if (me.data) return <Navigate to={pathAfterSignIn(me.data, next)} replace />;

  return (
    <CenteredPage title="Sign in">
      <Stack gap="md">
        {notice ? (
          <Alert color="teal" variant="light" role="status">
            {notice}
          </Alert>
        ) : null}
        <LoginForm
          pending={login.isPending}
          errorMessage={login.isError ? loginFailureMessage(login.error) : null}
          demo={config.data}
          onSubmit={(values) =>
            login.mutate(values, {
              onSuccess: (session) => void navigate(pathAfterSignIn(session, next), { replace: true }),
            })
          }
        />
        <Group justify="center">
          <Anchor component={Link} to="/forgot-password" size="sm">
            Forgot your password?
          </Anchor>
        </Group>
      </Stack>
    </CenteredPage>
  );
}
