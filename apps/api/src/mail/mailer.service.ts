import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends email through the SMTP server in SMTP_URL. In demo mode without one, mail is written to the log instead
 * (nodemailer's JSON transport), so reminders and reset links can be seen without a mail server. Otherwise, without
 * SMTP_URL, `configured` is false and callers decide what to do.
 */
@Injectable()
export class MailerService implements OnModuleDestroy {
  private readonly logger = new Logger(MailerService.name);
  private readonly transport?: Transporter;
  private readonly logsInstead: boolean;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.logsInstead = !config.SMTP_URL && config.demo;
    if (config.SMTP_URL) this.transport = nodemailer.createTransport(config.SMTP_URL);
    else if (this.logsInstead) this.transport = nodemailer.createTransport({ jsonTransport: true });
  }

  get configured(): boolean {
    return this.transport !== undefined;
  }

  async send(mail: OutgoingMail): Promise<void> {
    if (!this.transport) throw new Error('SMTP_URL is not configured: cannot send email');
    const info = await this.transport.sendMail({ from: this.config.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
    if (this.logsInstead) this.logger.log(`demo mode (no SMTP_URL): email not sent, written here instead:\n${JSON.stringify({ to: mail.to, subject: mail.subject, text: mail.text })}`);
    else this.logger.debug(`email sent: ${String(info.messageId)}`);
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
