import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import type { Request, Response } from 'express';
import { AuthConfigResponse, LoginRequest, LoginResponse } from '@ims/contracts';
import { DEMO_PASSWORD, DEMO_USERS } from '@ims/prisma';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Public } from '../common/access/public.decorator';
import { AllowDuringMfa, SignedIn, SkipCsrf } from '../common/access/access.decorators';
import { CurrentUser, type RequestUser } from '../common/access/request-user';
import { AuthService } from './auth.service';
import { clearedSessionCookieOptions, SESSION_COOKIE, sessionCookieOptions } from './session-cookie';

class LoginRequestDto extends createZodDto(LoginRequest) {}
class LoginResponseDto extends createZodDto(LoginResponse) {}
class AuthConfigResponseDto extends createZodDto(AuthConfigResponse) {}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @SkipCsrf()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto, description: 'Signed in; sets the httpOnly session cookie' })
  @ApiUnauthorizedResponse({ description: 'Email or password is incorrect (the same answer for an unknown email)' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts for this account or address; see Retry-After' })
  async login(@Body() body: LoginRequestDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<LoginResponse> {
    const { session, body: result } = await this.auth.login(body.email, body.password, {
      ipAddress: request.ip ?? 'unknown',
      userAgent: request.get('user-agent'),
      requestId: request.id ? String(request.id) : undefined,
    });
    response.cookie(SESSION_COOKIE, session.token, sessionCookieOptions(request, session.expiresAt.getTime() - Date.now()));
    return result;
  }

  @SignedIn()
  @AllowDuringMfa()
  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentUser() user: RequestUser, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.auth.logout(user);
    response.clearCookie(SESSION_COOKIE, clearedSessionCookieOptions(request));
  }

  @SignedIn()
  @AllowDuringMfa()
  @Get('me')
  @ApiOkResponse({ type: LoginResponseDto })
  me(@CurrentUser() user: RequestUser): LoginResponse {
    return this.auth.me(user);
  }

  /** What the login page may show before anyone signs in: in demo mode, the demo logins. */
  @Public()
  @Get('config')
  @ApiOkResponse({ type: AuthConfigResponseDto })
  authConfig(): AuthConfigResponse {
    if (!this.config.demo) return { demo: false };
    return {
      demo: true,
      demoPassword: DEMO_PASSWORD,
      demoLogins: DEMO_USERS.map((user) => ({ email: user.email, role: user.roles.join(', ') })),
    };
  }
}
