import { Global, Module } from '@nestjs/common';
import { ViewerResolver } from '../../common/access/viewer-resolver';
import { AuthPersonalData } from './auth.personal-data';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActionLogModule } from '../action-log/action-log.module';
import { ProfileModule } from '../profile/profile.module';
import { TermsModule } from '../terms/terms.module';
import { UserModule } from '../user/user.module';
import { AccountRecoveryResolver } from './account-recovery.resolver';
import { AccountRecoveryService } from './account-recovery.service';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { SessionEntity } from './session.entity';
import { SessionService } from './session.service';

/**
 * Accounts, sign-in sessions and account recovery. Global for {@link ViewerResolver}: every
 * module may need to know who calls (the Socket.IO gateway does) without importing auth.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([SessionEntity]),
    ActionLogModule,
    TermsModule,
    ProfileModule,
    UserModule,
  ],
  providers: [
    AuthService,
    SessionService,
    { provide: ViewerResolver, useExisting: SessionService },
    AuthResolver,
    AuthPersonalData,
    AccountRecoveryService,
    AccountRecoveryResolver,
  ],
  exports: [SessionService, AuthService, ViewerResolver],
})
export class AuthModule {}
