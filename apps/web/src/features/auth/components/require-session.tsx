import { Container } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { FullPageLoader } from '../../../components/ui/full-page-loader';
import { meQueryOptions } from '../api';
import { loginPathFor } from '../next-path';

/**
 * Renders its children only for a signed-in user; anyone else goes to `/login?next=<here>`. The API still checks
 * every call: this guard only keeps people from staring at screens that would fail.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const location = useLocation();
  const me = useQuery(meQueryOptions());

  if (me.isPending) return <FullPageLoader label="Checking your session…" />;
  if (me.isError) {
    return (
      <Container size="sm" py="xl">
        <ErrorPanel title="Could not check your session" error={me.error} onRetry={() => void me.refetch()} />
      </Container>
    );
  }
  if (!me.data) return <Navigate to={loginPathFor(`${location.pathname}${location.search}`)} replace />;
  return children;
}
