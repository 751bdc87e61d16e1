import { Module } from '@nestjs/common';
import { ActionLogModule } from '../action-log/action-log.module';
import { AccountResolver } from './account.resolver';
import { AccountService } from './account.service';
import { DataExportController } from './data-export.controller';
import { DataExportService } from './data-export.service';
import { DataExportWorker } from './data-export.worker';

/** The signed-in user's own account: change of password, deletion, "download my data". */
@Module({
  imports: [ActionLogModule],
  controllers: [DataExportController],
  providers: [AccountService, DataExportService, DataExportWorker, AccountResolver],
  exports: [DataExportService],
})
export class AccountModule {}
