import { Module } from '@nestjs/common';
import { AccountModule } from '../account/account.module';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** Admin user management: create (with a set-password link), edit roles and clinics, deactivate. */
@Module({
  imports: [AccountModule],
  controllers: [UsersController],
  providers: [UsersService],
})
export class UsersModule {}
