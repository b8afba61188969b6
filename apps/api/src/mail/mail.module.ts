import { Module } from '@nestjs/common';
import { MailerService } from './mailer.service';

/** Outgoing email (password reset links today; reminders later). */
@Module({ providers: [MailerService], exports: [MailerService] })
export class MailModule {}
