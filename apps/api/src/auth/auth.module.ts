import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from '../common/access/access.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordHasher } from './password-hasher';
import { SessionsService } from './sessions.service';

/** Sign-in, sessions and the global access guard (every route is closed unless it says otherwise). */
@Global()
@Module({
  controllers: [AuthController],
  providers: [AuthService, SessionsService, LoginThrottleService, PasswordHasher, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [SessionsService, PasswordHasher],
})
export class AuthModule {}
