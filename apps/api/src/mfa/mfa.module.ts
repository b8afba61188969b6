import { Module } from '@nestjs/common';
import { LoginThrottleService } from '../auth/login-throttle.service';
import { MfaController } from './mfa.controller';
import { MfaCredentials } from './mfa-credentials';
import { MfaService } from './mfa.service';
import { MfaSignInService } from './mfa-sign-in.service';

/**
 * Two-factor sign-in. Sessions, password checks and the audit writer come from the global auth and audit modules;
 * the throttle is the sign-in one (its counts live in PostgreSQL, so this instance and the login's agree).
 */
@Module({
  controllers: [MfaController],
  providers: [MfaService, MfaSignInService, MfaCredentials, LoginThrottleService],
})
export class MfaModule {}
