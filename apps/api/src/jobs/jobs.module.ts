import { Module } from '@nestjs/common';
import { JobQueue } from './job-queue.service';

/** The PostgreSQL-backed job queue (pg-boss) shared by features that work in the background (reminders). */
@Module({ providers: [JobQueue], exports: [JobQueue] })
export class JobsModule {}
