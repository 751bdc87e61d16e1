import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Authenticated, OrganizationAdmin, OwnAccount } from '../../common/access/access-policy';
import { CurrentViewer, Viewer } from '../../common/access/request-context';
import {
  NewsletterDto,
  NewsletterInput,
  NewsletterPreviewDto,
  NewsletterSubscriptionDto,
} from './dtos/newsletter.dto';
import { NewsletterService } from './newsletter.service';

@Resolver(() => NewsletterDto)
export class NewsletterResolver {
  constructor(private readonly service: NewsletterService) {}

  /** Every newsletter, most recent first, with its sending progress. Access: organization admins. */
  @OrganizationAdmin()
  @Query(() => [NewsletterDto], {
    description:
      'Newsletters, most recent first. Access: organization admins. Errors: UNAUTHENTICATED, FORBIDDEN.',
  })
  newsletters(): Promise<NewsletterDto[]> {
    return this.service.list();
  }

  /** One newsletter. Access: organization admins. Errors: NOT_FOUND. */
  @OrganizationAdmin()
  @Query(() => NewsletterDto, {
    description: 'One newsletter. Access: organization admins. Errors: NOT_FOUND, BAD_USER_INPUT.',
  })
  newsletter(@Args('id', { type: () => ID }) id: string): Promise<NewsletterDto> {
    return this.service.get(id);
  }

  /** Opted-in members the newsletter would reach now (draft) or was queued for (sent). Access: organization admins. */
  @OrganizationAdmin()
  @Query(() => Int, {
    description:
      'Recipients: opted-in members matching the audience now (draft) or queued (sent). Access: organization admins. Errors: NOT_FOUND.',
  })
  newsletterRecipientCount(@Args('id', { type: () => ID }) id: string): Promise<number> {
    return this.service.recipientCount(id);
  }

  /** The mail as recipients get it (HTML and text parts). Access: organization admins. */
  @OrganizationAdmin()
  @Query(() => NewsletterPreviewDto, {
    description:
      'Preview: blocks rendered now for a draft, the frozen mail once sent. Access: organization admins. Errors: NOT_FOUND.',
  })
  newsletterPreview(@Args('id', { type: () => ID }) id: string): Promise<NewsletterPreviewDto> {
    return this.service.preview(id);
  }

  /** Creates a draft. Access: organization admins. Errors: BAD_USER_INPUT (field named). */
  @OrganizationAdmin()
  @Mutation(() => NewsletterDto, {
    description: 'Create a newsletter draft. Access: organization admins. Errors: BAD_USER_INPUT.',
  })
  createNewsletter(
    @Args('input') input: NewsletterInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<NewsletterDto> {
    return this.service.create(input, viewer);
  }

  /** Edits a draft. Access: organization admins. Errors: NOT_FOUND, CONFLICT (NOT_A_DRAFT), BAD_USER_INPUT. */
  @OrganizationAdmin()
  @Mutation(() => NewsletterDto, {
    description:
      'Edit a newsletter draft. Access: organization admins. Errors: NOT_FOUND, CONFLICT (NOT_A_DRAFT), BAD_USER_INPUT.',
  })
  updateNewsletter(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: NewsletterInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<NewsletterDto> {
    return this.service.update(id, input, viewer);
  }

  /** Deletes a draft. Access: organization admins. Errors: NOT_FOUND, CONFLICT (NOT_A_DRAFT). */
  @OrganizationAdmin()
  @Mutation(() => Boolean, {
    description:
      'Delete a newsletter draft. Access: organization admins. Errors: NOT_FOUND, CONFLICT (NOT_A_DRAFT).',
  })
  deleteNewsletter(
    @Args('id', { type: () => ID }) id: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<boolean> {
    return this.service.delete(id, viewer);
  }

  /** « M'envoyer un test »: to the caller's own address; returns it. Access: organization admins. */
  @OrganizationAdmin()
  @Mutation(() => String, {
    description:
      'Send the newsletter to the caller’s own address, marked [Test]; returns the address. Access: organization admins. Errors: NOT_FOUND, CONFLICT (MAIL_FAILED).',
  })
  sendNewsletterTest(
    @Args('id', { type: () => ID }) id: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<string> {
    return this.service.sendTest(id, viewer);
  }

  /** « Envoyer »: freezes recipients and content, queues one mail each. Access: organization admins. */
  @OrganizationAdmin()
  @Mutation(() => NewsletterDto, {
    description:
      'Send a draft: recipients and content frozen, one queued mail per recipient. Access: organization admins. Errors: NOT_FOUND, CONFLICT (ALREADY_SENT, CHANGED), NEWSLETTER_NO_RECIPIENT.',
  })
  sendNewsletter(
    @Args('id', { type: () => ID }) id: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<NewsletterDto> {
    return this.service.send(id, viewer);
  }

  /** The caller's newsletter choice. Access: signed-in users. */
  @Authenticated()
  @Query(() => NewsletterSubscriptionDto, {
    description:
      'Whether the caller receives the newsletter. Access: signed-in users. Errors: UNAUTHENTICATED.',
  })
  myNewsletterSubscription(@CurrentViewer() viewer: Viewer): Promise<NewsletterSubscriptionDto> {
    return this.service.subscription(viewer.user.id);
  }

  /** Opt in or out of the newsletter (account settings; sign-up's checkbox). Access: signed-in users, for themselves. */
  @Authenticated()
  @OwnAccount()
  @Mutation(() => NewsletterSubscriptionDto, {
    description:
      'Opt in or out of the newsletter. `atSignUp` records that the choice was made on the sign-up form. Access: signed-in users. Errors: UNAUTHENTICATED.',
  })
  setNewsletterSubscription(
    @Args('subscribed') subscribed: boolean,
    @Args('atSignUp', { nullable: true, defaultValue: false }) atSignUp: boolean,
    @CurrentViewer() viewer: Viewer,
  ): Promise<NewsletterSubscriptionDto> {
    return this.service.setSubscription(
      viewer.user.id,
      subscribed,
      atSignUp ? 'SIGN_UP' : 'ACCOUNT',
    );
  }
}
