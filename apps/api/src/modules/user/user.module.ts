import { UserStatistics } from './user.statistics';
import { Module } from '@nestjs/common';
import { UserPersonalData } from './user.personal-data';
import { ActionLogModule } from '../action-log/action-log.module';
import { TermsModule } from '../terms/terms.module';
import { FirstAdminService } from './first-admin.service';
import { OrganizationAdminResolver } from './organization-admin.resolver';
import { OrganizationAdminService } from './organization-admin.service';

/** Accounts as the organization manages them: the first administrator at start-up, appointing and revoking administrators. */
@Module({
  imports: [TermsModule, ActionLogModule],
  providers: [
    UserStatistics,
    FirstAdminService,
    OrganizationAdminService,
    OrganizationAdminResolver,
    UserPersonalData,
  ],
  exports: [FirstAdminService],
})
export class UserModule {}
