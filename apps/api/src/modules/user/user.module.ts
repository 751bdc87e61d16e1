import { Module } from '@nestjs/common';
import { FirstAdminService } from './first-admin.service';

@Module({ providers: [FirstAdminService], exports: [FirstAdminService] })
export class UserModule {}
