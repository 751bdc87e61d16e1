import { Module } from '@nestjs/common';
import { ActionLogModule } from '../action-log/action-log.module';
import { UserModule } from '../user/user.module';
import { AccountResolver } from './account.resolver';
import { AccountService } from './account.service';
import { AccountNotifications } from './account.notifications';
import { PersonalDataContributors } from './personal-data-contributors';
import { DiscoveryModule } from '@nestjs/core';
import { DataExportController } from './data-export.controller';
import { DataExportService } from './data-export.service';
import { DataExportWorker } from './data-export.worker';

/** The signed-in user's own account: change of password, deletion, "download my data". */
@Module({
  imports: [ActionLogModule, DiscoveryModule, UserModule],
  controllers: [DataExportController],
  providers: [
    AccountService,
    DataExportService,
    DataExportWorker,
    AccountResolver,
    AccountNotifications,
    PersonalDataContributors,
  ],
  exports: [DataExportService],
})
export class AccountModule {}
