import { UserStatistics } from './user.statistics';
import { Module } from '@nestjs/common';
import { UserPersonalData } from './user.personal-data';
import { ActionLogModule } from '../action-log/action-log.module';
import { TermsModule } from '../terms/terms.module';
import { FirstAdminService } from './first-admin.service';
import { OrganizationAdminResolver } from './organization-admin.resolver';
import { OrganizationAdminService } from './organization-admin.service';
import { UserAccountService } from './user-account.service';

/** Accounts as the organization manages them: the first administrator at start-up, appointing and revoking administrators; the account-row writes other modules ask for ({@link UserAccountService}). */
@Module({
  imports: [TermsModule, ActionLogModule],
  providers: [
    UserStatistics,
    FirstAdminService,
    OrganizationAdminService,
    OrganizationAdminResolver,
    UserPersonalData,
    UserAccountService,
  ],
  exports: [FirstAdminService, UserAccountService],
})
export class UserModule {}
