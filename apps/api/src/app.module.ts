import { contentRemovedPlugin } from './common/rich-text/content-removed';
import { OpenDataModule } from './modules/open-data/open-data.module';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Global, Module, ValidationPipe } from '@nestjs/common';
import { APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { Logger as Pino } from 'pino';
import { frenchValidationError } from './common/validation/french-validation';
import { AccessGuard } from './common/access/access.guard';
import type { GraphQLContext } from './common/access/request-context';
import { MutationThrottlerGuard } from './common/rate-limit/mutation-throttler.guard';
import { rateLimitOptions } from './common/rate-limit/rate-limits';
import { formatGraphQLError } from './common/errors/graphql-error.formatter';
import { httpLogOptions } from './common/logging/log-options';
import { StrictDateTime } from './common/graphql/date-time-scalar';
import {
  complexityLimitPlugin,
  queryLimitRules,
  queryParseOptions,
  unusableTextPlugin,
} from './common/graphql/query-limits';
import { noStorePlugin } from './common/graphql/no-store';
import { AppConfig } from './config/app-config';
import { IdentityModule } from './modules/identity/identity.module';
import { dataSourceOptions } from './database/data-source';
import { AccountModule } from './modules/account/account.module';
import { ActionLogModule } from './modules/action-log/action-log.module';
import { AuthModule } from './modules/auth/auth.module';
import { DemoModule } from './modules/demo/demo.module';
import { HealthModule } from './modules/health/health.module';
import { graphqlMetricsPlugin } from './modules/metrics/metrics.service';
import { MetricsModule } from './modules/metrics/metrics.module';
import { NotificationModule } from './modules/notification/notification.module';
import { ParticipatorySpaceModule } from './modules/participatory-space/participatory-space.module';
import { ProfileModule } from './modules/profile/profile.module';
import { StatisticsModule } from './modules/statistics/statistics.module';
import { TermsModule } from './modules/terms/terms.module';
import { UserModule } from './modules/user/user.module';
import { COMPONENT_TYPES } from './modules/component-types';
import { CommentModule } from './modules/comment/comment.module';
import { FollowModule } from './modules/follow/follow.module';
import { HistoryModule } from './modules/history/history.module';
import { SearchModule } from './modules/search/search.module';
import { ModerationModule } from './modules/moderation/moderation.module';
import { PlatformModule } from './platform/platform.module';
import { NewsletterModule } from './modules/newsletter/newsletter.module';

@Global()
@Module({})
class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: AppConfig, useValue: config }],
      exports: [AppConfig],
    };
  }
}

/** The API's root module, built from a validated configuration and a migrated database. */
@Module({})
export class AppModule {
  /**
   * @param config validated configuration
   * @param databaseUrl URL of a database already migrated
   * @param logger the root pino logger (request logging and request ids through nestjs-pino)
   */
  static forRoot(config: AppConfig, databaseUrl: string, logger: Pino): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: httpLogOptions(logger) }),
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
          // GraphQL Armor's depth, alias and directive limits; graphql-js stops parsing at a token count
          validationRules: queryLimitRules(),
          parseOptions: queryParseOptions,
          plugins: [
            unusableTextPlugin(),
            complexityLimitPlugin(),
            graphqlMetricsPlugin(),
            // Apollo's default cache-control plugin hooks every resolved field of every request for
            // cache hints no field declares, to end up sending `no-store`: sent directly instead
            ApolloServerPluginCacheControlDisabled(),
            noStorePlugin(),
            // a mutation whose sanitisers removed something says what (extensions.contentRemoved)
            contentRemovedPlugin(),
          ],
          context: ({ req, res }: GraphQLContext) => ({ req, res }),
          formatError: formatGraphQLError,
        }),
        // rate limits of mutations: per user (or IP when anonymous), stricter where declared (MutationThrottlerGuard)
        ThrottlerModule.forRoot(rateLimitOptions(config)),
        ActionLogModule,
        AuthModule,
        NotificationModule,
        UserModule,
        ParticipatorySpaceModule,
        // the component types, each from its manifest (modules/component-types.ts)
        PlatformModule.forRoot(COMPONENT_TYPES),
        // the shared capabilities: each knows hosts only through their adapters
        CommentModule,
        FollowModule,
        HistoryModule,
        SearchModule,
        ModerationModule,
        TermsModule,
        ProfileModule,
        StatisticsModule,
        AccountModule,
        IdentityModule,
        DemoModule,
        HealthModule,
        MetricsModule,
        OpenDataModule,
        NewsletterModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        // after the AccessGuard: it knows the caller the limits are counted for
        { provide: APP_GUARD, useClass: MutationThrottlerGuard },
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({
            transform: true,
            whitelist: true,
            forbidNonWhitelisted: true,
            stopAtFirstError: false,
            exceptionFactory: frenchValidationError,
          }),
        },
      ],
    };
  }
}
