import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Id, LoginResponse, MfaDisableRequest, MfaEnableRequest, MfaEnableResponse, MfaSetupResponse, MfaVerifyRequest } from '@ims/contracts';
import { AllowDuringMfa, Roles, SignedIn } from '../common/access/access.decorators';
import { CurrentUser, type RequestUser } from '../common/access/request-user';
import { MfaService } from './mfa.service';
import { MfaSignInService, type MfaVerifyBody } from './mfa-sign-in.service';

class MfaSetupResponseDto extends createZodDto(MfaSetupResponse) {}
class MfaCodeRequestDto extends createZodDto(MfaEnableRequest) {}
class MfaRecoveryCodesDto extends createZodDto(MfaEnableResponse) {}
// The verify body is a union ({code} | {recoveryCode}), which TypeScript cannot use as a base class; at run time this is
// the same DTO class as the others (validated by the global pipe, documented in OpenAPI from the schema).
class MfaVerifyRequestDto extends (createZodDto(MfaVerifyRequest) as unknown as new () => object) {}
class MfaDisableRequestDto extends createZodDto(MfaDisableRequest) {}
class LoginResponseDto extends createZodDto(LoginResponse) {}
class UserIdParamsDto extends createZodDto(z.object({ id: Id })) {}

/** Two-factor sign-in (TOTP with recovery codes): the user's own routes under /auth/mfa, and an admin's reset. */
@ApiTags('auth')
@Controller()
export class MfaController {
  constructor(
    private readonly mfa: MfaService,
    private readonly signIn: MfaSignInService,
  ) {}

  @SignedIn()
  @AllowDuringMfa()
  @Post('auth/mfa/setup')
  @HttpCode(200)
  @ApiOkResponse({ type: MfaSetupResponseDto, description: 'A new secret for the authenticator app (not active until confirmed with /enable)' })
  @ApiConflictResponse({ description: 'Two-factor sign-in is already on' })
  setup(@CurrentUser() user: RequestUser): Promise<MfaSetupResponse> {
    return this.mfa.setup(user);
  }

  @SignedIn()
  @AllowDuringMfa()
  @Post('auth/mfa/enable')
  @HttpCode(200)
  @ApiOkResponse({ type: MfaRecoveryCodesDto, description: 'Two-factor is on; the recovery codes are shown only here' })
  @ApiBadRequestResponse({ description: 'The code does not match the pending secret' })
  @ApiConflictResponse({ description: 'Already on, or no set-up started' })
  enable(@CurrentUser() user: RequestUser, @Body() body: MfaCodeRequestDto): Promise<MfaEnableResponse> {
    return this.mfa.enable(user, body.code);
  }

  @SignedIn()
  @AllowDuringMfa()
  @Post('auth/mfa/verify')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto, description: 'Second factor accepted: the session may use the whole app' })
  @ApiUnauthorizedResponse({ description: 'Wrong or already used code (problem type mfa-invalid-code), or no session' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts for this account or address; see Retry-After' })
  @ApiConflictResponse({ description: 'The session has nothing to verify (already passed, or two-factor not set up)' })
  verify(@CurrentUser() user: RequestUser, @Body() body: MfaVerifyRequestDto): Promise<LoginResponse> {
    return this.signIn.verify(user, body as MfaVerifyBody);
  }

  @SignedIn()
  @Post('auth/mfa/disable')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Two-factor is off; recovery codes are deleted' })
  @ApiBadRequestResponse({ description: 'Wrong password or code (named in errors[].path)' })
  @ApiUnprocessableEntityResponse({ description: "Refused: the user's role requires two-factor (rule mfa-required-for-role)" })
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts; see Retry-After' })
  disable(@CurrentUser() user: RequestUser, @Body() body: MfaDisableRequestDto): Promise<void> {
    return this.mfa.disable(user, body.password, body.code);
  }

  @SignedIn()
  @Post('auth/mfa/recovery-codes')
  @HttpCode(200)
  @ApiOkResponse({ type: MfaRecoveryCodesDto, description: 'A new set of recovery codes; the old ones no longer work' })
  @ApiBadRequestResponse({ description: 'Wrong code' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts; see Retry-After' })
  regenerateRecoveryCodes(@CurrentUser() user: RequestUser, @Body() body: MfaCodeRequestDto): Promise<MfaEnableResponse> {
    return this.mfa.regenerateRecoveryCodes(user, body.code);
  }

  @Roles('admin')
  @Post('users/:id/mfa/reset')
  @HttpCode(204)
  @ApiNoContentResponse({ description: "The user's two-factor secret and recovery codes are cleared and their sessions ended" })
  @ApiNotFoundResponse({ description: 'No such user in your organisation' })
  adminReset(@CurrentUser() admin: RequestUser, @Param() params: UserIdParamsDto): Promise<void> {
    return this.mfa.adminReset(admin, params.id);
  }
}
