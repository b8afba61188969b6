import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { AccountController } from './account.controller';
import { AttemptThrottleService } from './attempt-throttle.service';
import { PasswordChangeService } from './password-change.service';
import { PasswordResetService } from './password-reset.service';
import { PasswordResetTokensService } from './password-reset-tokens.service';

/** Password policy, reset links (by admin or by email) and password change. */
@Module({
  imports: [MailModule],
  controllers: [AccountController],
  providers: [AttemptThrottleService, PasswordResetTokensService, PasswordResetService, PasswordChangeService],
  exports: [PasswordResetTokensService],
})
export class AccountModule {}
