import { createBrowserRouter, type RouteObject } from 'react-router';
import { RequireSession } from '../features/auth/components/require-session';
import { LoginPage } from '../features/auth/routes/login-page';
import { TodayPage } from '../features/today/routes/today-page';
import { AppShellLayout } from './app-shell-layout';
import { NotFoundPage } from './routes/not-found-page';
import { RouteErrorPage } from './routes/route-error-page';

/**
 * The route tree. `/login` is public; everything else sits under the session guard and the app shell, and a
 * feature adds its screens as children there (plus an entry in `navigation.ts`).
 */
export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage />, errorElement: <RouteErrorPage /> },
  {
    path: '/',
    element: (
      <RequireSession>
        <AppShellLayout />
      </RequireSession>
    ),
    errorElement: <RouteErrorPage />,
    children: [
      {
        // Pathless so a crashing screen shows its error inside the shell, navigation still usable.
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <TodayPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}

export type AppRouter = ReturnType<typeof createAppRouter>;
