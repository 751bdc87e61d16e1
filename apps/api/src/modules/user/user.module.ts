import { Module } from '@nestjs/common';
import { TermsModule } from '../terms/terms.module';
import { FirstAdminService } from './first-admin.service';

@Module({ imports: [TermsModule], providers: [FirstAdminService], exports: [FirstAdminService] })
export class UserModule {}
