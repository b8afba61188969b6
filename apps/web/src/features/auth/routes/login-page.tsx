import { Center, Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { FullPageLoader } from '../../../components/ui/full-page-loader';
import { ApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { authConfigQueryOptions, meQueryOptions, useLogin } from '../api';
import { LoginForm } from '../components/login-form';
import { safeNextPath } from '../next-path';

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

/** `/login`: public; a user who is already signed in goes straight on to `next`. */
export function LoginPage() {
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const navigate = useNavigate();
  const me = useQuery(meQueryOptions());
  const config = useQuery(authConfigQueryOptions());
  const login = useLogin();

  if (me.isPending) return <FullPageLoader label="Checking your session…" />;
  if (me.data) return <Navigate to={next} replace />;

  return (
    <Center mih="100vh" bg="var(--mantine-color-gray-0)" py="xl">
      <Container size={420} w="100%">
        <Stack gap="lg">
          <Stack gap={4} align="center">
            <Text fw={700} c="teal.8" size="lg">
              IMS Clinic
            </Text>
            <Title order={1} size="h2">
              Sign in
            </Title>
          </Stack>
          <Paper p="xl" shadow="xs">
            <LoginForm
              pending={login.isPending}
              errorMessage={login.isError ? loginFailureMessage(login.error) : null}
              demo={config.data}
              onSubmit={(values) =>
                login.mutate(values, { onSuccess: () => void navigate(next, { replace: true }) })
              }
            />
          </Paper>
        </Stack>
      </Container>
    </Center>
  );
}
