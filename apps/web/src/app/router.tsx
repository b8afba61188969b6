import type { ReactNode } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { AccountPage } from '../features/account/routes/account-page';
import { MfaSetupPage } from '../features/account/routes/mfa-setup-page';
import { AuditPage } from '../features/audit/routes/audit-page';
import { RequireRole } from '../features/auth/components/require-role';
import { RequireSession } from '../features/auth/components/require-session';
import { ForgotPasswordPage } from '../features/auth/routes/forgot-password-page';
import { LoginPage } from '../features/auth/routes/login-page';
import { ResetPasswordPage } from '../features/auth/routes/reset-password-page';
import { VerifyPage } from '../features/auth/routes/verify-page';
import { ClinicianPage } from '../features/clinicians/routes/clinician-page';
import { CliniciansPage } from '../features/clinicians/routes/clinicians-page';
import { ClinicPage } from '../features/clinics/routes/clinic-page';
import { ClinicsPage } from '../features/clinics/routes/clinics-page';
import { MY_DAY_ROLES } from '../features/my-day/my-day-roles';
import { MyDayPage } from '../features/my-day/routes/my-day-page';
import { NewPatientPage } from '../features/patients/routes/new-patient-page';
import { PatientImportPage } from '../features/patients/routes/patient-import-page';
import { PatientPage } from '../features/patients/routes/patient-page';
import { PatientsPage } from '../features/patients/routes/patients-page';
import { PATIENT_ROLES } from '../features/patients/patient-roles';
import { PLAN_ROLES } from '../features/plans/plan-roles';
import { PlanPage } from '../features/plans/routes/plan-page';
import { REPORT_ROLES } from '../features/reports/report-roles';
import { ReportsPage } from '../features/reports/routes/reports-page';
import { CourseBookingPage } from '../features/schedule/routes/course-booking-page';
import { SchedulePage } from '../features/schedule/routes/schedule-page';
import { SCHEDULE_ROLES } from '../features/schedule/schedule-roles';
import { TodayPage } from '../features/today/routes/today-page';
import { NewUserPage } from '../features/users/routes/new-user-page';
import { UserPage } from '../features/users/routes/user-page';
import { UsersPage } from '../features/users/routes/users-page';
import { VisitPage } from '../features/visits/routes/visit-page';
import { VisitPrintPage } from '../features/visits/routes/visit-print-page';
import { VISIT_ROLES } from '../features/visits/visits-roles';
import { AppShellLayout } from './app-shell-layout';
import { NotFoundPage } from './routes/not-found-page';
import { RouteErrorPage } from './routes/route-error-page';

const adminOnly = (element: ReactNode) => <RequireRole roles={['admin']}>{element}</RequireRole>;
const patientsFor = (permission: keyof typeof PATIENT_ROLES, element: ReactNode) => (
  <RequireRole roles={PATIENT_ROLES[permission]}>{element}</RequireRole>
);
const scheduleFor = (permission: keyof typeof SCHEDULE_ROLES, element: ReactNode) => (
  <RequireRole roles={SCHEDULE_ROLES[permission]}>{element}</RequireRole>
);

/**
 * The route tree. Sign-in, its second step, two-factor set-up and password reset stand outside the app shell
 * (each checks the session it needs itself); everything else sits under the session guard and the shell, and a
 * feature adds its screens as children there (plus an entry in `navigation.ts`).
 */
export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage />, errorElement: <RouteErrorPage /> },
  { path: '/login/verify', element: <VerifyPage />, errorElement: <RouteErrorPage /> },
  { path: '/forgot-password', element: <ForgotPasswordPage />, errorElement: <RouteErrorPage /> },
  { path: '/reset-password', element: <ResetPasswordPage />, errorElement: <RouteErrorPage /> },
  { path: '/account/two-factor/setup', element: <MfaSetupPage />, errorElement: <RouteErrorPage /> },
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
          { path: 'account', element: <AccountPage /> },
          { path: 'patients', element: patientsFor('search', <PatientsPage />) },
          { path: 'patients/new', element: patientsFor('register', <NewPatientPage />) },
          { path: 'patients/import', element: patientsFor('import', <PatientImportPage />) },
          { path: 'patients/:id', element: patientsFor('search', <PatientPage />) },
          { path: 'schedule', element: scheduleFor('view', <SchedulePage />) },
          { path: 'schedule/course/new', element: scheduleFor('bookCourse', <CourseBookingPage />) },
          { path: 'my-day', element: <RequireRole roles={MY_DAY_ROLES.view}><MyDayPage /></RequireRole> },
          { path: 'plans/:id', element: <RequireRole roles={PLAN_ROLES.open}><PlanPage /></RequireRole> },
          { path: 'visits/:id', element: <RequireRole roles={VISIT_ROLES.read}><VisitPage /></RequireRole> },
          { path: 'visits/:id/print', element: <RequireRole roles={VISIT_ROLES.read}><VisitPrintPage /></RequireRole> },
          { path: 'reports', element: <RequireRole roles={REPORT_ROLES.view}><ReportsPage /></RequireRole> },
          { path: 'admin/users', element: adminOnly(<UsersPage />) },
          { path: 'admin/users/new', element: adminOnly(<NewUserPage />) },
          { path: 'admin/users/:id', element: adminOnly(<UserPage />) },
          { path: 'admin/clinicians', element: adminOnly(<CliniciansPage />) },
          { path: 'admin/clinicians/:id', element: adminOnly(<ClinicianPage />) },
          { path: 'admin/clinics', element: adminOnly(<ClinicsPage />) },
          { path: 'admin/clinics/:id', element: adminOnly(<ClinicPage />) },
          { path: 'admin/audit', element: adminOnly(<AuditPage />) },
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
