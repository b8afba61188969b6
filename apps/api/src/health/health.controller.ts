import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import type { Response } from 'express';
import { HealthResponse } from '@ims/contracts';
import { Public } from '../common/access/public.decorator';
import { HealthService } from './health.service';

class HealthResponseDto extends createZodDto(HealthResponse) {}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Public()
  @Get()
  @ApiOkResponse({ type: HealthResponseDto, description: 'API and database are up' })
  @ApiServiceUnavailableResponse({ type: HealthResponseDto, description: 'The database does not answer' })
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthResponse> {
    const result = await this.health.check();
    if (result.status !== 'ok') response.status(503).setHeader('Retry-After', '5');
    return result;
  }
}
