import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Global, Module, ValidationPipe } from '@nestjs/common';
import { APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ServeStaticModule } from '@nestjs/serve-static';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { AccessGuard } from './common/access/access.guard';
import type { GraphQLContext } from './common/access/request-context';
import { MutationThrottlerGuard } from './common/rate-limit/mutation-throttler.guard';
import { rateLimitOptions } from './common/rate-limit/rate-limits';
import { formatGraphQLError } from './common/errors/graphql-error.formatter';
import { StrictDateTime } from './common/graphql/date-time-scalar';
import { complexityLimitPlugin, depthLimitRule, unusableTextPlugin } from './common/graphql/query-limits';
import { AppConfig } from './config/app-config';
import { dataSourceOptions } from './database/data-source';
import { AccountModule } from './modules/account/account.module';
import { ActionLogModule } from './modules/action-log/action-log.module';
import { AuthModule } from './modules/auth/auth.module';
import { BallotModule } from './modules/ballot/ballot.module';
import { DemoModule } from './modules/demo/demo.module';
import { HealthModule } from './modules/health/health.module';
import { MotionModule } from './modules/motion/motion.module';
import { NotificationModule } from './modules/notification/notification.module';
import { ParticipatorySpaceModule } from './modules/participatory-space/participatory-space.module';
import { ParticipatoryTextModule } from './modules/participatory-text/participatory-text.module';
import { ProposalModule } from './modules/proposal/proposal.module';
import { SurveyModule } from './modules/survey/survey.module';
import { TermsModule } from './modules/terms/terms.module';
import { UserModule } from './modules/user/user.module';

@Global()
@Module({})
class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: AppConfig, useValue: config }], exports: [AppConfig] };
  }
}

/** The API's root module, built from a validated configuration and a migrated database. */
@Module({})
export class AppModule {
  /**
   * @param config validated configuration
   * @param databaseUrl URL of a database already migrated
   */
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    const webDir = config.WEB_DIST_DIR ? resolve(config.WEB_DIST_DIR) : '';
    const serveWeb = webDir && existsSync(resolve(webDir, 'index.html'));
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot(dataSourceOptions(databaseUrl)),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          // every Date field/argument is this strict DateTime (Nest's own takes anything `new Date()` takes)
          buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: StrictDateTime }] },
          playground: false,
          // the SDL is published in the repository; production answers no introspection
          introspection: !config.isProduction,
          validationRules: [depthLimitRule()],
          plugins: [unusableTextPlugin(), complexityLimitPlugin()],
          context: ({ req, res }: GraphQLContext) => ({ req, res }),
          formatError: formatGraphQLError,
        }),
        // rate limits of mutations: per user (or IP when anonymous), stricter where declared (MutationThrottlerGuard)
        ThrottlerModule.forRoot(rateLimitOptions(config)),
        ...(serveWeb ? [ServeStaticModule.forRoot({ rootPath: webDir, exclude: ['/graphql', '/healthz', '/socket.io', '/exports/{*path}'] })] : []),
        ActionLogModule,
        AuthModule,
        NotificationModule,
        UserModule,
        ParticipatorySpaceModule,
        ProposalModule,
        SurveyModule,
        MotionModule,
        BallotModule,
        ParticipatoryTextModule,
        TermsModule,
        AccountModule,
        DemoModule,
        HealthModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        // after the AccessGuard: it knows the caller the limits are counted for
        { provide: APP_GUARD, useClass: MutationThrottlerGuard },
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({ transform: true, whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: false }),
        },
      ],
    };
  }
}
