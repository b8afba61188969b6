import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { AccessLogQuery, AuditPage, AuditQuery } from '@ims/contracts';
import { Roles } from '../common/access/access.decorators';
import { CurrentUser, type RequestUser } from '../common/access/request-user';
import { AuditQueryService } from './audit-query.service';

class AuditPageDto extends createZodDto(AuditPage) {}
class AuditQueryDto extends createZodDto(AuditQuery) {}
class AccessLogQueryDto extends createZodDto(AccessLogQuery) {}

/**
 * The audit trail's read side: the admin search, and a patient's access log. The access log lives here until the
 * patients module exists; its path is the patient's.
 */
@ApiTags('audit')
@Controller()
export class AuditController {
  constructor(private readonly auditQuery: AuditQueryService) {}

  @Roles('admin')
  @Get('audit')
  @ApiOkResponse({ type: AuditPageDto, description: "The organisation's audit events, newest first" })
  search(@CurrentUser() user: RequestUser, @Query() query: AuditQueryDto) {
    return this.auditQuery.search(user, query);
  }

  @Roles('physiotherapist', 'manager', 'admin')
  @Get('patients/:id/access-log')
  @ApiOkResponse({ type: AuditPageDto, description: "Who read or changed the patient's record, newest first (this read is audited)" })
  @ApiNotFoundResponse({ description: 'Unknown patient, or one of another organisation' })
  accessLog(@CurrentUser() user: RequestUser, @Param('id') id: string, @Query() query: AccessLogQueryDto) {
    return this.auditQuery.accessLog(user, id, query);
  }
}
