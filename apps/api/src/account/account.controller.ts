import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiNoContentResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { ChangePasswordRequest, PasswordResetComplete, PasswordResetRequest, PasswordResetRequested } from '@ims/contracts';
import { Public } from '../common/access/public.decorator';
import { SignedIn, SkipCsrf } from '../common/access/access.decorators';
import { CurrentUser, type RequestUser } from '../common/access/request-user';
import { PasswordChangeService } from './password-change.service';
import { PasswordResetService } from './password-reset.service';
import { Client, type RequestClient } from './request-client';

class PasswordResetRequestDto extends createZodDto(PasswordResetRequest) {}
class PasswordResetRequestedDto extends createZodDto(PasswordResetRequested) {}
class PasswordResetCompleteDto extends createZodDto(PasswordResetComplete) {}
class ChangePasswordRequestDto extends createZodDto(ChangePasswordRequest) {}

/** Password reset (by email, or through a link an admin issued) and changing one's own password. */
@ApiTags('auth')
@Controller('auth')
export class AccountController {
  constructor(
    private readonly reset: PasswordResetService,
    private readonly change: PasswordChangeService,
  ) {}

  // Public and without CSRF: whoever asks has no session (that is why they ask).
  @Public()
  @SkipCsrf()
  @Post('password-reset/request')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: PasswordResetRequestedDto, description: 'The same answer whether or not the email has an account' })
  @ApiTooManyRequestsResponse({ description: 'Too many requests for this email or from this address; see Retry-After' })
  requestReset(@Body() body: PasswordResetRequestDto, @Client() client: RequestClient): Promise<PasswordResetRequested> {
    return this.reset.request(body.email, client);
  }

  @Public()
  @SkipCsrf()
  @Post('password-reset/complete')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Password set; every session of the user has ended' })
  @ApiBadRequestResponse({ description: 'The link is invalid or has expired, or the password is refused (errors name the field)' })
  completeReset(@Body() body: PasswordResetCompleteDto, @Client() client: RequestClient): Promise<void> {
    return this.reset.complete(body.token, body.password, client);
  }

  @SignedIn()
  @Post('password')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Password changed; the other sessions of the user have ended' })
  @ApiBadRequestResponse({ description: 'Current password incorrect, or the new one refused (errors name the field)' })
  @ApiTooManyRequestsResponse({ description: 'Too many wrong current passwords; see Retry-After' })
  changePassword(@Body() body: ChangePasswordRequestDto, @CurrentUser() user: RequestUser): Promise<void> {
    return this.change.change(user, body.currentPassword, body.newPassword);
  }
}
