import { Module } from '@nestjs/common';

/** The builder's view of end users: search, profile, event timeline. */
@Module({})
export class UsersModule {}
