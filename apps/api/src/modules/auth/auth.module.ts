import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActionLogModule } from '../action-log/action-log.module';
import { ProfileModule } from '../profile/profile.module';
import { TermsModule } from '../terms/terms.module';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { SessionEntity } from './session.entity';
import { SessionService } from './session.service';

@Module({
  imports: [TypeOrmModule.forFeature([SessionEntity]), ActionLogModule, TermsModule, ProfileModule],
  providers: [AuthService, SessionService, AuthResolver],
  exports: [SessionService, AuthService],
})
export class AuthModule {}
