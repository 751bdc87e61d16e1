import { Global, Module } from '@nestjs/common';
import { NotificationPersonalData } from './notification.personal-data';
import { DiscoveryModule } from '@nestjs/core';
import { DomainEventOutbox } from './domain-event-outbox';
import { MailerService } from './mailer.service';
import { NotificationDispatcher } from './notification.dispatcher';
import { NotificationGateway } from './notification.gateway';
import { NotificationResolver } from './notification.resolver';
import { NotificationService } from './notification.service';

/**
 * Notifications: the outbox services write to, the dispatcher that turns committed events
 * into stored notifications through the handlers each owning module registers
 * (`@NotificationHandlerFor()`), the Socket.IO gateway and the inbox API. Global so that every
 * feature module can record events without importing it.
 */
@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [
    DomainEventOutbox,
    MailerService,
    NotificationService,
    NotificationGateway,
    NotificationDispatcher,
    NotificationResolver,
    NotificationPersonalData,
  ],
  exports: [
    DomainEventOutbox,
    NotificationGateway,
    NotificationDispatcher,
    MailerService,
    NotificationService,
  ],
})
export class NotificationModule {}
