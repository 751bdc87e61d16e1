import { Module } from '@nestjs/common';
import { AuthPersonalData } from './auth.personal-data';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActionLogModule } from '../action-log/action-log.module';
import { ProfileModule } from '../profile/profile.module';
import { TermsModule } from '../terms/terms.module';
import { AccountRecoveryResolver } from './account-recovery.resolver';
import { AccountRecoveryService } from './account-recovery.service';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { SessionEntity } from './session.entity';
import { SessionService } from './session.service';

@Module({
  imports: [TypeOrmModule.forFeature([SessionEntity]), ActionLogModule, TermsModule, ProfileModule],
  providers: [AuthService, SessionService, AuthResolver, AuthPersonalData, AccountRecoveryService, AccountRecoveryResolver],
  exports: [SessionService, AuthService],
})
export class AuthModule {}
