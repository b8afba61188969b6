import { Injectable } from '@nestjs/common';
import type { Prisma } from '@ims/prisma';

/**
 * Told, inside the writing transaction, which appointments were just created, moved or changed status. A listener
 * (reminders, calendar feeds) reads the rows through `tx`, so what it schedules commits or rolls back with the change.
 */
export type AppointmentChangeListener = (appointmentIds: string[], tx: Prisma.TransactionClient) => Promise<void>;

/**
 * The hook other features subscribe to when appointments change. Listeners register once at module init
 * (`onModuleInit() { events.subscribe(...) }`); every create, move, cancel, no-show, arrival and completion calls
 * `changed` in its own transaction. A listener that throws rolls the change back: a reminder that could not be
 * updated must not leave a stale one behind.
 */
@Injectable()
export class AppointmentEvents {
  private readonly listeners: AppointmentChangeListener[] = [];

  subscribe(listener: AppointmentChangeListener): void {
    this.listeners.push(listener);
  }

  async changed(appointmentIds: string[], tx: Prisma.TransactionClient): Promise<void> {
    if (appointmentIds.length === 0) return;
    for (const listener of this.listeners) await listener(appointmentIds, tx);
  }
}
