import { existsSync } from 'node:fs';
import path from 'node:path';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { ZodValidationPipe } from 'nestjs-zod';
import type { Database } from '@ims/prisma';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { DatabaseModule } from './database/database.module';
import { loggingModule } from './common/logging/logging-module';
import { ProblemDetailsFilter } from './common/problem/problem-details.filter';
import { HealthModule } from './health/health.module';
import { AuthModule } from './auth/auth.module';
import { AuditModule } from './audit/audit.module';
import { UsersModule } from './users/users.module';
import { AccountModule } from './account/account.module';
import { ClinicSetupModule } from './clinic-setup/clinic-setup.module';
import { CliniciansModule } from './clinicians/clinicians.module';
import { MfaModule } from './mfa/mfa.module';
import { PatientsModule } from './patients/patients.module';
import { ScreeningModule } from './screening/screening.module';
import { ConsentsModule } from './consents/consents.module';
import { FhirModule } from './fhir/fhir.module';
import { PatientImportsModule } from './patient-imports/patient-imports.module';
import { WaitlistModule } from './waitlist/waitlist.module';
import { AppointmentsModule } from './appointments/appointments.module';
import { SchedulingSetupModule } from './scheduling-setup/scheduling-setup.module';
import { AppointmentSeriesModule } from './appointment-series/appointment-series.module';
import { RemindersModule } from './reminders/reminders.module';
import { CalendarFeedModule } from './calendar-feed/calendar-feed.module';
import { MusclesModule } from './muscles/muscles.module';
import { PlansModule } from './plans/plans.module';
import { VisitsModule } from './visits/visits.module';
import { MyDayModule } from './my-day/my-day.module';
import { OutcomesModule } from './outcomes/outcomes.module';
import { ReportsModule } from './reports/reports.module';

export interface AppModuleOptions {
  config: AppConfig;
  database: Database;
}

/** The whole API: feature modules plus the global pipe (zod validation) and filter (problem+json). */
@Module({})
export class AppModule {
  static register({ config, database }: AppModuleOptions): DynamicModule {
    const webIndex = path.join(config.WEB_DIST_DIR, 'index.html');
    return {
      module: AppModule,
      global: true,
      imports: [
        loggingModule(config.LOG_LEVEL),
        DatabaseModule.forDatabase(database),
        HealthModule,
        AuditModule,
        AuthModule,
        UsersModule,
        AccountModule,
        ClinicSetupModule,
        CliniciansModule,
        MfaModule,
        PatientsModule,
        ScreeningModule,
        ConsentsModule,
        FhirModule,
        PatientImportsModule,
        WaitlistModule,
        AppointmentsModule,
        SchedulingSetupModule,
        AppointmentSeriesModule,
        RemindersModule,
        CalendarFeedModule,
        MusclesModule,
        PlansModule,
        VisitsModule,
        MyDayModule,
        OutcomesModule,
        ReportsModule,
        // The built web app, same origin as the API; unknown non-API paths fall back to index.html (SPA routes).
        ...(existsSync(webIndex)
          ? [ServeStaticModule.forRoot({ rootPath: config.WEB_DIST_DIR, exclude: ['/api/{*rest}'], serveStaticOptions: { index: 'index.html', maxAge: '1h' } })]
          : []),
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
      exports: [APP_CONFIG],
    };
  }
}
