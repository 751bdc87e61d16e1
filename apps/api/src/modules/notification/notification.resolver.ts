import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Authenticated, OwnAccount } from '../../common/access/access-policy';
import { CurrentViewer, Viewer } from '../../common/access/request-context';
import {
  NotificationConnectionDto,
  NotificationSettingsDto,
  NotificationSettingsInput,
} from './dtos/notification.dto';
import { NotificationService } from './notification.service';

@Resolver()
export class NotificationResolver {
  constructor(private readonly notificationService: NotificationService) {}

  /** The caller's inbox, newest first. Access: signed-in users. Errors: UNAUTHENTICATED, BAD_USER_INPUT. */
  @Authenticated()
  @Query(() => NotificationConnectionDto, {
    description:
      'The caller’s notifications, newest first. Access: signed-in users. Errors: UNAUTHENTICATED, BAD_USER_INPUT.',
  })
  notifications(
    @CurrentViewer() viewer: Viewer,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | undefined,
    @Args('unreadOnly', { nullable: true, defaultValue: false }) unreadOnly: boolean,
  ): Promise<NotificationConnectionDto> {
    return this.notificationService.inbox(viewer.user.id, first, after ?? undefined, unreadOnly);
  }

  /** Number of unread notifications. Access: signed-in users. Errors: UNAUTHENTICATED. */
  @Authenticated()
  @Query(() => Int, {
    description: 'Unread notifications. Access: signed-in users. Errors: UNAUTHENTICATED.',
  })
  unreadNotificationsCount(@CurrentViewer() viewer: Viewer): Promise<number> {
    return this.notificationService.unreadCount(viewer.user.id);
  }

  /** Marks the given notifications (or all, when `ids` is omitted) read; returns the unread count. Access: signed-in users. */
  @Authenticated()
  @OwnAccount()
  @Mutation(() => Int, {
    description:
      'Mark notifications read (all when ids is omitted); returns the unread count. Access: signed-in users. Errors: UNAUTHENTICATED, BAD_USER_INPUT.',
  })
  markNotificationsRead(
    @CurrentViewer() viewer: Viewer,
    @Args('ids', { type: () => [ID], nullable: true }) ids: string[] | undefined,
  ): Promise<number> {
    return this.notificationService.markRead(viewer.user.id, ids ?? null);
  }

  /** The caller's notification settings. Access: signed-in users. */
  @Authenticated()
  @Query(() => NotificationSettingsDto, {
    description: 'Notification settings. Access: signed-in users. Errors: UNAUTHENTICATED.',
  })
  notificationSettings(@CurrentViewer() viewer: Viewer): Promise<NotificationSettingsDto> {
    return this.notificationService.settings(viewer.user.id);
  }

  /** Changes the caller's notification settings. Access: signed-in users. Errors: UNAUTHENTICATED, BAD_USER_INPUT. */
  @Authenticated()
  @OwnAccount()
  @Mutation(() => NotificationSettingsDto, {
    description:
      'Change notification settings. Access: signed-in users. Errors: UNAUTHENTICATED, BAD_USER_INPUT.',
  })
  updateNotificationSettings(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: NotificationSettingsInput,
  ): Promise<NotificationSettingsDto> {
    return this.notificationService.updateSettings(viewer.user.id, input);
  }
}
