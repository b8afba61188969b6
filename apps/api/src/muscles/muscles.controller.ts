import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { MuscleList } from '@ims/contracts';
import { Roles } from '../common/access/access.decorators';
import { MusclesService } from './muscles.service';

class MuscleListDto extends createZodDto(MuscleList) {}

/**
 * The catalogue is for the clinical side: physiotherapists chart with it, managers read it behind the outcome and
 * caseload reports, admins look after reference data. The front desk books and never charts, so it has no use for it.
 */
@ApiTags('muscles')
@Roles('physiotherapist', 'manager', 'admin')
@Controller('muscles')
export class MusclesController {
  constructor(private readonly muscles: MusclesService) {}

  @Get()
  @ApiOkResponse({ type: MuscleListDto, description: 'Every catalogue muscle with its usual needling depth (cm), by region then name' })
  list(): Promise<MuscleList> {
    return this.muscles.list();
  }
}
