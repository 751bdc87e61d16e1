import { Module } from '@nestjs/common';
import { ActionLogModule } from '../action-log/action-log.module';
import { DemoContentService } from './demo-content.service';

@Module({
  imports: [ActionLogModule],
  providers: [DemoContentService],
  exports: [DemoContentService],
})
export class DemoModule {}
