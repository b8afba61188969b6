import { RouterProvider } from 'react-router/dom';
import { authKeys } from '../features/auth/api';
import { loginPathFor } from '../features/auth/next-path';
import { api, isMfaRequired } from '../lib/api-client';
import { AppProviders } from './providers';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';

const queryClient = createQueryClient();
const router = createAppRouter();

// A 401 from any call but login means the session ended (expired, revoked, signed out in another tab), or, with
// problem type `/mfa-required`, that it still owes its second factor: re-reading the session lets the guard send
// the user to the code page or to two-factor set-up.
api.setUnauthorizedHandler((error) => {
  if (isMfaRequired(error)) {
    void queryClient.invalidateQueries({ queryKey: authKeys.me() });
    return;
  }
  const { pathname, search } = router.state.location;
  if (pathname !== '/login') void router.navigate(loginPathFor(`${pathname}${search}`), { replace: true });
  queryClient.setQueryData(authKeys.me(), null);
});

export function App() {
  return (
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
