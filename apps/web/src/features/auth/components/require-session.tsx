import type { MfaStatus } from '@ims/contracts';
import { Container } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { FullPageLoader } from '../../../components/ui/full-page-loader';
import { meQueryOptions } from '../api';
import { sessionRedirect } from '../session-routing';

const FULLY_SIGNED_IN: readonly MfaStatus[] = ['passed'];

interface RequireSessionProps {
  children: ReactNode;
  /** Second-factor states this screen serves; by default only sessions that passed it. */
  allow?: readonly MfaStatus[];
  /** Where to continue once the session may go on; by default the current path. */
  next?: string;
}

/**
 * Renders its children only for a session in one of the `allow` states. Nobody signed in goes to
 * `/login?next=<here>`; a session still owing its second factor goes to the code page or to two-factor set-up.
 * The API still checks every call: this guard only keeps people from staring at screens that would fail.
 */
export function RequireSession({ children, allow = FULLY_SIGNED_IN, next }: RequireSessionProps) {
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
  const here = `${location.pathname}${location.search}`;
  const target = sessionRedirect({ session: me.data, allow, here, next: next ?? here });
  if (target) return <Navigate to={target} replace />;
  return children;
}
