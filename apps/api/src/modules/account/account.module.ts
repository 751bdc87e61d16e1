import { Module } from '@nestjs/common';
import { ActionLogModule } from '../action-log/action-log.module';
import { ProfileModule } from '../profile/profile.module';
import { AccountResolver } from './account.resolver';
import { AccountService } from './account.service';
import { DataExportController } from './data-export.controller';
import { DataExportService } from './data-export.service';
import { DataExportWorker } from './data-export.worker';

/** The signed-in user's own account: change of password, deletion, "download my data". */
@Module({
  imports: [ActionLogModule, ProfileModule],
  controllers: [DataExportController],
  providers: [AccountService, DataExportService, DataExportWorker, AccountResolver],
})
export class AccountModule {}
