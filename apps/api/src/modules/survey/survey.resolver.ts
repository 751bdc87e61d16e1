import { SpaceRole } from '@concerto/domain';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Public, SpaceRoles } from '../../common/access/access-policy';
import { CurrentViewer, GraphQLContext, Viewer } from '../../common/access/request-context';
import { AppConfig } from '../../config/app-config';
import {
  SurveyDto,
  SurveyResultsDto,
  SurveySubmissionDto,
  SurveySummaryDto,
} from './dtos/survey.dto';
import {
  AddSurveyOptionInput,
  AddSurveyQuestionInput,
  CreateSurveyInput,
  SurveyAnswerInput,
  SurveyFieldsInput,
  SurveyQuestionFieldsInput,
  UpdateSurveyOptionInput,
} from './dtos/survey.inputs';
import { newRespondentToken, RESPONDENT_COOKIE } from './respondent-token';
import { SurveyAnswerService } from './survey-answer.service';
import { SurveyResultsService } from './survey-results.service';
import { SurveyService } from './survey.service';

const ADMINS = [SpaceRole.ADMIN];

/** The anonymous respondent token of the request's browser, if it has one. */
const respondentTokenOf = (ctx: GraphQLContext): string | null => {
  const value = (ctx.req.cookies as Record<string, string> | undefined)?.[RESPONDENT_COOKIE];
  return typeof value === 'string' && value.length >= 32 && value.length <= 100 ? value : null;
};

@Resolver(() => SurveyDto)
export class SurveyResolver {
  constructor(
    private readonly surveyService: SurveyService,
    private readonly answers: SurveyAnswerService,
    private readonly resultsService: SurveyResultsService,
    private readonly config: AppConfig,
  ) {}

  /** The questionnaire of a SURVEY component. Access: anyone. Errors: NOT_FOUND, BAD_USER_INPUT. */
  @Public()
  @Query(() => SurveyDto, {
    description:
      'The questionnaire of a SURVEY component. Access: anyone. Errors: NOT_FOUND, BAD_USER_INPUT.',
  })
  survey(
    @Args('componentId', { type: () => ID }) componentId: string,
    @CurrentViewer() viewer: Viewer | null,
    @Context() ctx: GraphQLContext,
  ): Promise<SurveyDto> {
    return this.surveyService.byComponent(componentId, viewer, respondentTokenOf(ctx) ?? undefined);
  }

  /** Every published Enquête, for the "Enquêtes" page. Access: anyone. */
  @Public()
  @Query(() => [SurveySummaryDto], {
    description: 'Published Enquêtes across spaces. Access: anyone.',
  })
  surveys(): Promise<SurveySummaryDto[]> {
    return this.surveyService.listPublished();
  }

  /** The caller's own answers (signed-in user, else this browser's anonymous token), or null. Access: anyone. */
  @Public()
  @Query(() => SurveySubmissionDto, {
    nullable: true,
    description:
      'The caller’s own submission (user, else this browser), or null. Access: anyone. Errors: NOT_FOUND.',
  })
  async mySurveyAnswers(
    @Args('surveyId', { type: () => ID }) surveyId: string,
    @CurrentViewer() viewer: Viewer | null,
    @Context() ctx: GraphQLContext,
  ): Promise<SurveySubmissionDto | null> {
    await this.surveyService.byId(surveyId, viewer);
    return this.answers.mine(surveyId, viewer, respondentTokenOf(ctx));
  }

  /**
   * Exact results (SQL on the stored answers), optionally cross-tabulated by a SINGLE_OPTION question.
   * Access: space admins and organization admins; anyone once published. Errors: NOT_FOUND, UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT.
   */
  @Public()
  @Query(() => SurveyResultsDto, {
    description:
      'Exact results; crossBy: a SINGLE_OPTION question to break down by. Access: space admins; anyone once published. Errors: NOT_FOUND, UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT.',
  })
  surveyResults(
    @Args('surveyId', { type: () => ID }) surveyId: string,
    @Args('crossBy', { type: () => ID, nullable: true }) crossBy: string | null,
    @CurrentViewer() viewer: Viewer | null,
    @Args('crossByTypology', {
      defaultValue: false,
      description:
        'Break down by the respondents’ profile typology (space admins and organization admins only; not with crossBy).',
    })
    crossByTypology: boolean,
  ): Promise<SurveyResultsDto> {
    return this.resultsService.results(surveyId, crossBy ?? null, viewer, crossByTypology);
  }

  /**
   * Sends the caller's answers, once (user, or anonymous browser token in an httpOnly cookie set
   * here when missing). Access: signed-in users; anyone when the survey allows anonymous answers.
   * Errors: SURVEY_CLOSED, CONFLICT (already answered), BAD_USER_INPUT, UNAUTHENTICATED, NOT_FOUND.
   */
  @Public()
  @Mutation(() => SurveySubmissionDto, {
    description:
      'Answer a survey once. Access: participants (anyone if anonymous answers are on). Errors: SURVEY_CLOSED, CONFLICT, BAD_USER_INPUT, UNAUTHENTICATED, NOT_FOUND.',
  })
  answerSurvey(
    @Args('surveyId', { type: () => ID }) surveyId: string,
    @Args('answers', { type: () => [SurveyAnswerInput] }) answers: SurveyAnswerInput[],
    @Args('acceptTerms', { type: () => Boolean, nullable: true, defaultValue: false })
    acceptTerms: boolean,
    @CurrentViewer() viewer: Viewer | null,
    @Context() ctx: GraphQLContext,
  ): Promise<SurveySubmissionDto> {
    // an anonymous browser gets its token only when the survey lets it answer
    const token = respondentTokenOf(ctx);
    let issued: string | null = null; // one token per request, even when the transaction is retried
    const issue = () => {
      const existing = token ?? issued;
      if (existing) return existing;
      issued = newRespondentToken();
      ctx.res.cookie(RESPONDENT_COOKIE, issued, {
        httpOnly: true,
        sameSite: 'lax',
        secure: this.config.isProduction,
        path: '/',
        maxAge: 365 * 24 * 3600_000,
      });
      return issued;
    };
    return this.answers.answer(surveyId, answers, acceptTerms === true, viewer, { token, issue });
  }

  /** Creates the questionnaire of a SURVEY component. Access: space admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT, CONFLICT. */
  @SpaceRoles(ADMINS, (a) => ({ componentId: a.input?.componentId }))
  @Mutation(() => SurveyDto, {
    description:
      'Create the questionnaire of a SURVEY component. Access: space admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT, CONFLICT.',
  })
  createSurvey(
    @Args('input') input: CreateSurveyInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<SurveyDto> {
    return this.surveyService.createSurvey(input, viewer);
  }

  /** Changes title, description, dates, anonymous answering, terms. Access: space admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT. */
  @SpaceRoles(ADMINS, (a) => ({ surveyId: a.surveyId }))
  @Mutation(() => SurveyDto, {
    description:
      'Change the questionnaire. Access: space admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT.',
  })
  updateSurvey(
    @Args('surveyId', { type: () => ID }) surveyId: string,
    @Args('input') input: SurveyFieldsInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<SurveyDto> {
    return this.surveyService.updateSurvey(surveyId, input, viewer);
  }

  /** Publishes (true) or withdraws (false) the results for participants. Access: space admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND. */
  @SpaceRoles(ADMINS, (a) => ({ surveyId: a.surveyId }))
  @Mutation(() => SurveyDto, {
    description:
      'Publish or withdraw the results. Access: space admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND.',
  })
  publishSurveyResults(
    @Args('surveyId', { type: () => ID }) surveyId: string,
    @Args('published', { type: () => Boolean, defaultValue: true }) published: boolean,
    @CurrentViewer() viewer: Viewer,
  ): Promise<SurveyDto> {
    return this.surveyService.publishResults(surveyId, published, viewer);
  }

  /** Adds a question at the end. Access: space admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT. */
  @SpaceRoles(ADMINS, (a) => ({ surveyId: a.input?.surveyId }))
  @Mutation(() => SurveyDto, {
    description:
      'Add a question. Access: space admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT.',
  })
  addSurveyQuestion(
    @Args('input') input: AddSurveyQuestionInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<SurveyDto> {
    return this.surveyService.addQuestion(input, viewer);
  }

  /** Changes a question (a type change after answers starts a new version). Access: space admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT. */
  @SpaceRoles(ADMINS, (a) => ({ surveyQuestionId: a.questionId }))
  @Mutation(() => SurveyDto, {
    description:
      'Change a question; a type change after answers starts a new version. Access: space admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT.',
  })
  updateSurveyQuestion(
    @Args('questionId', { type: () => ID }) questionId: string,
    @Args('input') input: SurveyQuestionFieldsInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<SurveyDto> {
    return this.surveyService.updateQuestion(questionId, input, viewer);
  }

  /** Removes a question (kept with its answers in a new version once answered). Access: space admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT. */
  @SpaceRoles(ADMINS, (a) => ({ surveyQuestionId: a.questionId }))
  @Mutation(() => SurveyDto, {
    description:
      'Remove a question. Access: space admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT.',
  })
  removeSurveyQuestion(
    @Args('questionId', { type: () => ID }) questionId: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<SurveyDto> {
    return this.surveyService.removeQuestion(questionId, viewer);
  }

  /** Orders the current questions. Access: space admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT. */
  @SpaceRoles(ADMINS, (a) => ({ surveyId: a.surveyId }))
  @Mutation(() => SurveyDto, {
    description:
      'Order the questions (every current question once). Access: space admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT.',
  })
  reorderSurveyQuestions(
    @Args('surveyId', { type: () => ID }) surveyId: string,
    @Args('questionIds', { type: () => [ID] }) questionIds: string[],
    @CurrentViewer() viewer: Viewer,
  ): Promise<SurveyDto> {
    return this.surveyService.reorderQuestions(surveyId, questionIds, viewer);
  }

  /** Adds an option or matrix row. Access: space admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT. */
  @SpaceRoles(ADMINS, (a) => ({ surveyQuestionId: a.input?.questionId }))
  @Mutation(() => SurveyDto, {
    description:
      'Add an option (or matrix row). Access: space admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT.',
  })
  addSurveyOption(
    @Args('input') input: AddSurveyOptionInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<SurveyDto> {
    return this.surveyService.addOption(input, viewer);
  }

  /** Rewords an option. Access: space admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT. */
  @SpaceRoles(ADMINS, (a) => ({ surveyOptionId: a.optionId }))
  @Mutation(() => SurveyDto, {
    description:
      'Reword an option. Access: space admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT.',
  })
  updateSurveyOption(
    @Args('optionId', { type: () => ID }) optionId: string,
    @Args('input') input: UpdateSurveyOptionInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<SurveyDto> {
    return this.surveyService.updateOption(optionId, input, viewer);
  }

  /** Removes an option (kept as "(option supprimée)" in a new version once answered). Access: space admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT. */
  @SpaceRoles(ADMINS, (a) => ({ surveyOptionId: a.optionId }))
  @Mutation(() => SurveyDto, {
    description:
      'Remove an option. Access: space admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT.',
  })
  removeSurveyOption(
    @Args('optionId', { type: () => ID }) optionId: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<SurveyDto> {
    return this.surveyService.removeOption(optionId, viewer);
  }
}
