import { Module } from '@nestjs/common';
import { TermsPersonalData } from './terms.personal-data';
import { ActionLogModule } from '../action-log/action-log.module';
import { TermsResolver } from './terms.resolver';
import { TermsService } from './terms.service';

/** Versioned terms of use and privacy notice, and who accepted which version. */
@Module({
  imports: [ActionLogModule],
  providers: [TermsService, TermsResolver, TermsPersonalData],
  exports: [TermsService],
})
export class TermsModule {}
