import { ComponentType, SpaceRole } from '@concerto/domain';
import {
  Args,
  Context,
  ID,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Authenticated, Public, SpaceRoles } from '../../common/access/access-policy';
import { CurrentViewer, GraphQLContext, Viewer } from '../../common/access/request-context';
import { ActionLogPage } from '../action-log/action-log-query.service';
import { HistoryService } from '../history/history.service';
import { HISTORY_DESCRIPTION } from '../history/history.resolver';
import { HistoryEntryDto } from '../action-log/dtos/action-log.dto';
import { DomainError } from '../../common/errors/domain-error';
import { ParticipatorySpaceService } from '../participatory-space/participatory-space.service';
import { AmendmentService } from './amendment.service';
import {
  AmendableTypeEnum,
  AmendmentDto,
  AmendmentSettingsDto,
  AmendmentSettingsInput,
  CreateAmendmentInput,
  DiffPartDto,
  TextArticleDto,
  ParticipatoryTextDto,
  ResourceVersionDto,
  UpdateAmendmentInput,
} from './dtos/participatory-text.dto';
import { ParticipatoryTextSourceEntity } from './entities/participatory-text-source.entity';
import { ParticipatoryTextService } from './participatory-text.service';

type Amendable = keyof typeof AmendableTypeEnum;

@Resolver()
export class ParticipatoryTextResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly spaces: ParticipatorySpaceService,
    private readonly texts: ParticipatoryTextService,
    private readonly amendmentService: AmendmentService,
    private readonly historyService: HistoryService,
  ) {}

  /**
   * The public history of one article (the article view), newest first: the PUBLIC journal
   * lines of its amendments. Access: anyone who may read the article (a published text).
   * Errors: NOT_FOUND, BAD_USER_INPUT (malformed id, first outside 1–50).
   */
  @Public()
  @Query(() => [HistoryEntryDto], {
    description:
      'Public history of an article, newest first. Access: anyone who may read it. Errors: NOT_FOUND, BAD_USER_INPUT.',
  })
  async articleHistory(
    @Args('articleId', { type: () => ID }) articleId: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: ActionLogPage.historyDefault })
    first: number,
    @CurrentViewer() viewer: Viewer | null,
    @Context() context: GraphQLContext,
  ): Promise<HistoryEntryDto[]> {
    await this.amendmentService.visibleAmendable('ARTICLE', articleId, viewer);
    return this.historyService.history(context.req, 'ARTICLE', articleId, first);
  }

  /**
   * The Markdown source stored for a PARTICIPATORY_TEXT component (before it is imported into
   * sections and articles), or null. Access: anyone. Errors: NOT_FOUND, BAD_USER_INPUT.
   */
  @Public()
  @Query(() => String, {
    nullable: true,
    description:
      'Markdown source of a participatory text. Access: anyone. Errors: NOT_FOUND, BAD_USER_INPUT.',
  })
  async participatoryTextSource(
    @Args('componentId', { type: () => ID }) componentId: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<string | null> {
    const component = await this.spaces.component(componentId, viewer);
    if (component.type !== ComponentType.PARTICIPATORY_TEXT)
      throw DomainError.badInput('Cette fonctionnalité n’est pas un texte collaboratif.').inEnglish(
        'This feature is not a collaborative text.',
      );
    const source = await this.dataSource
      .getRepository(ParticipatoryTextSourceEntity)
      .findOne({ where: { componentId } });
    return source?.markdown ?? null;
  }

  /**
   * A participatory text: sections with their numbered articles at their current version and
   * amendment counts; null when never imported, or unpublished and the caller is not a space admin.
   * Access: anyone. Errors: NOT_FOUND, BAD_USER_INPUT (not a PARTICIPATORY_TEXT component).
   */
  @Public()
  @Query(() => ParticipatoryTextDto, {
    nullable: true,
    description:
      'A participatory text at its current version (unpublished: space admins only, else null). Access: anyone. Errors: NOT_FOUND, BAD_USER_INPUT.',
  })
  participatoryText(
    @Args('componentId', { type: () => ID }) componentId: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<ParticipatoryTextDto | null> {
    return this.texts.text(componentId, viewer);
  }

  /** The consolidated text as Markdown (current versions). Access: anyone (as participatoryText). Errors: NOT_FOUND, BAD_USER_INPUT. */
  @Public()
  @Query(() => String, {
    nullable: true,
    description:
      'The consolidated text as Markdown, at the current version of every article. Access: anyone. Errors: NOT_FOUND, BAD_USER_INPUT.',
  })
  participatoryTextMarkdown(
    @Args('componentId', { type: () => ID }) componentId: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<string | null> {
    return this.texts.markdown(componentId, viewer);
  }

  /**
   * Imports Markdown into sections and articles (replacing an unpublished import) and returns the preview.
   * Access: space admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT (type, no paragraph, too long), CONFLICT (published).
   */
  @SpaceRoles([SpaceRole.ADMIN], (a) => ({ componentId: a.componentId }))
  @Mutation(() => ParticipatoryTextDto, {
    description:
      'Import Markdown as sections and numbered articles (until published). Access: space admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT, CONFLICT.',
  })
  importParticipatoryText(
    @Args('componentId', { type: () => ID }) componentId: string,
    @Args('markdown') markdown: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ParticipatoryTextDto> {
    return this.texts.import(componentId, markdown, viewer);
  }

  /** Publishes an imported text; its structure is fixed from then on. Access: space admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT. */
  @SpaceRoles([SpaceRole.ADMIN], (a) => ({ componentId: a.componentId }))
  @Mutation(() => ParticipatoryTextDto, {
    description:
      'Publish an imported text. Access: space admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT.',
  })
  publishParticipatoryText(
    @Args('componentId', { type: () => ID }) componentId: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ParticipatoryTextDto> {
    return this.texts.publish(componentId, viewer);
  }

  /** Changes amendmentsEnabled / amendmentsVisibility of a text or proposals component. Access: space admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT. */
  @SpaceRoles([SpaceRole.ADMIN], (a) => ({ componentId: a.componentId }))
  @Mutation(() => AmendmentSettingsDto, {
    description:
      'Change amendment settings. Access: space admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT.',
  })
  updateAmendmentSettings(
    @Args('componentId', { type: () => ID }) componentId: string,
    @Args('input') input: AmendmentSettingsInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<AmendmentSettingsDto> {
    return this.texts.updateSettings(componentId, input, viewer);
  }

  /** Amendments of an article or a proposal, oldest first (ONLY_OWN: a participant sees theirs). Access: anyone. Errors: NOT_FOUND, BAD_USER_INPUT. */
  @Public()
  @Query(() => [AmendmentDto], {
    description:
      'Amendments of an article or a proposal, oldest first. Access: anyone (ONLY_OWN visibility: one’s own). Errors: NOT_FOUND, BAD_USER_INPUT.',
  })
  amendments(
    @Args('amendableType', { type: () => AmendableTypeEnum }) amendableType: Amendable,
    @Args('amendableId', { type: () => ID }) amendableId: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<AmendmentDto[]> {
    return this.amendmentService.list(amendableType, amendableId, viewer);
  }

  /** One amendment. Access: anyone who may see it. Errors: NOT_FOUND, BAD_USER_INPUT. */
  @Public()
  @Query(() => AmendmentDto, {
    description: 'One amendment. Access: anyone who may see it. Errors: NOT_FOUND, BAD_USER_INPUT.',
  })
  amendment(
    @Args('id', { type: () => ID }) id: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<AmendmentDto> {
    return this.amendmentService.byId(id, viewer);
  }

  /** Every version of an article or a proposal, oldest first. Access: anyone. Errors: NOT_FOUND, BAD_USER_INPUT. */
  @Public()
  @Query(() => [ResourceVersionDto], {
    description:
      'Versions of an article or a proposal, oldest first. Access: anyone. Errors: NOT_FOUND, BAD_USER_INPUT.',
  })
  versions(
    @Args('resourceType', { type: () => AmendableTypeEnum }) resourceType: Amendable,
    @Args('resourceId', { type: () => ID }) resourceId: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<ResourceVersionDto[]> {
    return this.amendmentService.versions(resourceType, resourceId, viewer);
  }

  /** Word-level diff (diffWords) between two versions. Access: anyone. Errors: NOT_FOUND (resource or version), BAD_USER_INPUT. */
  @Public()
  @Query(() => [DiffPartDto], {
    description:
      'Word-level diff between two versions of an article or a proposal. Access: anyone. Errors: NOT_FOUND, BAD_USER_INPUT.',
  })
  versionDiff(
    @Args('resourceType', { type: () => AmendableTypeEnum }) resourceType: Amendable,
    @Args('resourceId', { type: () => ID }) resourceId: string,
    @Args('from', { type: () => Int }) from: number,
    @Args('to', { type: () => Int }) to: number,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<DiffPartDto[]> {
    return this.amendmentService.versionDiff(resourceType, resourceId, from, to, viewer);
  }

  /** Proposes an amendment against the amendable's current version. Access: participants. Errors: UNAUTHENTICATED, NOT_FOUND, FORBIDDEN (disabled), CONFLICT (withdrawn proposal), BAD_USER_INPUT. */
  @Authenticated()
  @Mutation(() => AmendmentDto, {
    description:
      'Propose an amendment of an article or a proposal. Access: participants. Errors: UNAUTHENTICATED, NOT_FOUND, FORBIDDEN, CONFLICT, BAD_USER_INPUT.',
  })
  createAmendment(
    @Args('input') input: CreateAmendmentInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<AmendmentDto> {
    return this.amendmentService.create(input, viewer);
  }

  /** Rebases one's pending amendment on the current version with a new text. Access: its author. Errors: UNAUTHENTICATED, NOT_FOUND, FORBIDDEN, CONFLICT, BAD_USER_INPUT. */
  @Authenticated()
  @Mutation(() => AmendmentDto, {
    description:
      'Update (rebase) one’s pending amendment onto the current version. Access: its author. Errors: UNAUTHENTICATED, NOT_FOUND, FORBIDDEN, CONFLICT, BAD_USER_INPUT.',
  })
  updateAmendment(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateAmendmentInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<AmendmentDto> {
    return this.amendmentService.update(id, input, viewer);
  }

  /** Withdraws one's amendment. Access: its author. Errors: UNAUTHENTICATED, NOT_FOUND, FORBIDDEN, CONFLICT. */
  @Authenticated()
  @Mutation(() => AmendmentDto, {
    description:
      'Withdraw one’s amendment. Access: its author. Errors: UNAUTHENTICATED, NOT_FOUND, FORBIDDEN, CONFLICT.',
  })
  withdrawAmendment(
    @Args('id', { type: () => ID }) id: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<AmendmentDto> {
    return this.amendmentService.withdraw(id, viewer);
  }

  /** Accepts an amendment (new version of the amendable). Access: the amendable's owners. Errors: UNAUTHENTICATED, NOT_FOUND, FORBIDDEN, CONFLICT (not pending, outdated, lost a race). */
  @Authenticated()
  @Mutation(() => AmendmentDto, {
    description:
      'Accept an amendment: writes a new version. Access: the proposal’s author; space moderators for articles. Errors: UNAUTHENTICATED, NOT_FOUND, FORBIDDEN, CONFLICT.',
  })
  acceptAmendment(
    @Args('id', { type: () => ID }) id: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<AmendmentDto> {
    return this.amendmentService.accept(id, viewer);
  }

  /** Rejects an amendment with a reason. Access: the amendable's owners. Errors: UNAUTHENTICATED, NOT_FOUND, FORBIDDEN, CONFLICT, BAD_USER_INPUT. */
  @Authenticated()
  @Mutation(() => AmendmentDto, {
    description:
      'Reject an amendment with a reason. Access: the proposal’s author; space moderators for articles. Errors: UNAUTHENTICATED, NOT_FOUND, FORBIDDEN, CONFLICT, BAD_USER_INPUT.',
  })
  rejectAmendment(
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<AmendmentDto> {
    return this.amendmentService.reject(id, reason, viewer);
  }

  /** Turns one's rejected amendment into a proposal. Access: its author. Errors: UNAUTHENTICATED, NOT_FOUND, FORBIDDEN, CONFLICT. */
  @Authenticated()
  @Mutation(() => AmendmentDto, {
    description:
      'Promote one’s rejected amendment to a new proposal. Access: its author. Errors: UNAUTHENTICATED, NOT_FOUND, FORBIDDEN, CONFLICT.',
  })
  promoteAmendment(
    @Args('id', { type: () => ID }) id: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<AmendmentDto> {
    return this.amendmentService.promote(id, viewer);
  }

  /** Supports a pending amendment. Access: participants. Errors: UNAUTHENTICATED, NOT_FOUND, CONFLICT. */
  @Authenticated()
  @Mutation(() => AmendmentDto, {
    description:
      'Support a pending amendment (once). Access: participants. Errors: UNAUTHENTICATED, NOT_FOUND, CONFLICT.',
  })
  supportAmendment(
    @Args('id', { type: () => ID }) id: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<AmendmentDto> {
    return this.amendmentService.support(id, viewer);
  }

  /** Withdraws one's support of an amendment. Access: participants. Errors: UNAUTHENTICATED, NOT_FOUND, CONFLICT. */
  @Authenticated()
  @Mutation(() => AmendmentDto, {
    description:
      'Withdraw one’s support of an amendment. Access: participants. Errors: UNAUTHENTICATED, NOT_FOUND, CONFLICT.',
  })
  unsupportAmendment(
    @Args('id', { type: () => ID }) id: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<AmendmentDto> {
    return this.amendmentService.unsupport(id, viewer);
  }
}

/** `TextArticle.history`: loaded only when asked for, batched per request (one query for a whole text). */
@Resolver(() => TextArticleDto)
export class TextArticleHistoryResolver {
  constructor(private readonly histories: HistoryService) {}

  /** Public history of an article (its amendments proposed, accepted, refused…). Access: as the text. Errors: BAD_USER_INPUT. */
  @Public()
  @ResolveField(() => [HistoryEntryDto], { description: HISTORY_DESCRIPTION })
  history(
    @Parent() article: TextArticleDto,
    @Args('first', { type: () => Int, nullable: true, defaultValue: ActionLogPage.historyDefault })
    first: number,
    @Context() context: GraphQLContext,
  ): Promise<HistoryEntryDto[]> {
    return this.histories.history(context.req, 'ARTICLE', article.id, first);
  }
}
