import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { CreateUserRequest, CreateUserResponse, Id, PasswordLink, UpdateUserRequest, User, UserListQuery, UserPage, type PasswordLink as PasswordLinkBody } from '@ims/contracts';
import { Roles } from '../common/access/access.decorators';
import { CurrentUser, type RequestUser } from '../common/access/request-user';
import { Client, type RequestClient } from '../account/request-client';
import { UsersService } from './users.service';

class UserListQueryDto extends createZodDto(UserListQuery) {}
class UserPageDto extends createZodDto(UserPage) {}
class UserDto extends createZodDto(User) {}
class CreateUserRequestDto extends createZodDto(CreateUserRequest) {}
class CreateUserResponseDto extends createZodDto(CreateUserResponse) {}
class UpdateUserRequestDto extends createZodDto(UpdateUserRequest) {}
class PasswordLinkDto extends createZodDto(PasswordLink) {}
class UserIdParamsDto extends createZodDto(z.object({ id: Id })) {}

/** User administration: admins only, and only within their own organisation. */
@ApiTags('users')
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOkResponse({ type: UserPageDto })
  list(@CurrentUser() actor: RequestUser, @Query() query: UserListQueryDto): Promise<UserPageDto> {
    return this.users.list(actor, query);
  }

  @Post()
  @ApiCreatedResponse({ type: CreateUserResponseDto, description: 'Created; the set-password link (72 hours, single use) is shown only here' })
  @ApiBadRequestResponse({ description: 'Invalid input, e.g. clinicIds that are not clinics of the organisation' })
  @ApiConflictResponse({ description: 'The email is already in use' })
  create(@CurrentUser() actor: RequestUser, @Body() body: CreateUserRequestDto, @Client() client: RequestClient): Promise<CreateUserResponse> {
    return this.users.create(actor, body, client.origin);
  }

  @Get(':id')
  @ApiOkResponse({ type: UserDto })
  @ApiNotFoundResponse({ description: 'No such user in your organisation' })
  get(@CurrentUser() actor: RequestUser, @Param() params: UserIdParamsDto): Promise<User> {
    return this.users.get(actor, params.id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserDto })
  @ApiNotFoundResponse({ description: 'No such user in your organisation' })
  @ApiConflictResponse({ description: 'Stale version: someone else changed the user' })
  @ApiUnprocessableEntityResponse({ description: 'You cannot deactivate yourself or remove your own admin role' })
  update(@CurrentUser() actor: RequestUser, @Param() params: UserIdParamsDto, @Body() body: UpdateUserRequestDto): Promise<User> {
    return this.users.update(actor, params.id, body);
  }

  @Post(':id/password-link')
  @ApiCreatedResponse({ type: PasswordLinkDto, description: 'A one-time reset link (60 minutes); earlier unused links stop working' })
  @ApiNotFoundResponse({ description: 'No such user in your organisation' })
  @ApiUnprocessableEntityResponse({ description: 'The user is deactivated' })
  issuePasswordLink(@CurrentUser() actor: RequestUser, @Param() params: UserIdParamsDto, @Client() client: RequestClient): Promise<PasswordLinkBody> {
    return this.users.issuePasswordLink(actor, params.id, client.origin);
  }
}
