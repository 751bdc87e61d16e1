import { Module } from '@nestjs/common';
import { ParticipatorySpaceModule } from '../participatory-space/participatory-space.module';
import { ParticipatoryTextResolver } from './participatory-text.resolver';

@Module({ imports: [ParticipatorySpaceModule], providers: [ParticipatoryTextResolver] })
export class ParticipatoryTextModule {}
