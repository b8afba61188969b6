import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit.service';

/** The audit trail writer, available to every feature module. */
@Global()
@Module({ providers: [AuditService], exports: [AuditService] })
export class AuditModule {}
