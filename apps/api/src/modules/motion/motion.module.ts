import { Module } from '@nestjs/common';
import { ParticipatorySpaceModule } from '../participatory-space/participatory-space.module';
import { MotionResolver } from './motion.resolver';

@Module({ imports: [ParticipatorySpaceModule], providers: [MotionResolver] })
export class MotionModule {}
