import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  Authenticated,
  OrganizationAdmin,
  OwnAccount,
  Public,
} from '../../common/access/access-policy';
import { CurrentViewer, Viewer } from '../../common/access/request-context';
import {
  AcceptTermsInput,
  PublishTermsDocumentInput,
  TermsAcceptanceDto,
  TermsDocumentDto,
} from './dtos/terms.dto';
import { TermsService } from './terms.service';

@Resolver()
export class TermsResolver {
  constructor(private readonly terms: TermsService) {}

  /** Current terms of use and privacy notice (version, title, French text). Access: anyone. */
  @Public()
  @Query(() => [TermsDocumentDto], {
    description: 'Current versions of the terms of use and the privacy notice. Access: anyone.',
  })
  termsDocuments(): Promise<TermsDocumentDto[]> {
    return this.terms.current();
  }

  /** Current documents the signed-in user has not accepted yet (the web app blocks until accepted). Access: signed-in users. Errors: UNAUTHENTICATED. */
  @Authenticated()
  @Query(() => [TermsDocumentDto], {
    description:
      'Current documents the caller has not accepted yet. Access: signed-in users. Errors: UNAUTHENTICATED.',
  })
  pendingTerms(@CurrentViewer() viewer: Viewer): Promise<TermsDocumentDto[]> {
    return this.terms.pendingFor(viewer.user.id);
  }

  /** Every version the signed-in user accepted, newest first. Access: signed-in users. Errors: UNAUTHENTICATED. */
  @Authenticated()
  @Query(() => [TermsAcceptanceDto], {
    description:
      'Versions the caller accepted, newest first. Access: signed-in users. Errors: UNAUTHENTICATED.',
  })
  myTermsAcceptances(@CurrentViewer() viewer: Viewer): Promise<TermsAcceptanceDto[]> {
    return this.terms.acceptancesOf(viewer.user.id);
  }

  /**
   * Accepts the current versions. Access: signed-in users.
   * Errors: UNAUTHENTICATED; BAD_USER_INPUT (`reason: TERMS_OUTDATED`) when a version is not the current one.
   */
  @Authenticated()
  @OwnAccount()
  @Mutation(() => [TermsAcceptanceDto], {
    description:
      'Accept the current terms of use and privacy notice. Access: signed-in users. Errors: UNAUTHENTICATED, BAD_USER_INPUT (reason TERMS_OUTDATED).',
  })
  acceptTerms(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: AcceptTermsInput,
  ): Promise<TermsAcceptanceDto[]> {
    return this.terms.accept(viewer.user.id, input);
  }

  /** Publishes a new version of a document; every user must accept it. Access: organization admins. Errors: UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, CONFLICT. */
  @OrganizationAdmin()
  @Mutation(() => TermsDocumentDto, {
    description:
      'Publish a new version of the terms or the privacy notice. Access: organization admins. Errors: UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, CONFLICT.',
  })
  publishTermsDocument(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: PublishTermsDocumentInput,
  ): Promise<TermsDocumentDto> {
    return this.terms.publish(viewer.user.id, input);
  }
}
