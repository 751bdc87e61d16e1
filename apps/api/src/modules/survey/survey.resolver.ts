import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Public } from '../../common/access/access-policy';
import { CurrentViewer, Viewer } from '../../common/access/request-context';
import { SurveyDto, SurveySummaryDto } from './dtos/survey.dto';
import { SurveyService } from './survey.service';

@Resolver(() => SurveyDto)
export class SurveyResolver {
  constructor(private readonly surveyService: SurveyService) {}

  /** The questionnaire of a SURVEY component. Access: anyone. Errors: NOT_FOUND, BAD_USER_INPUT. */
  @Public()
  @Query(() => SurveyDto, { description: 'The questionnaire of a SURVEY component. Access: anyone. Errors: NOT_FOUND, BAD_USER_INPUT.' })
  survey(@Args('componentId', { type: () => ID }) componentId: string, @CurrentViewer() viewer: Viewer | null): Promise<SurveyDto> {
    return this.surveyService.byComponent(componentId, viewer);
  }

  /** Every published Enquête, for the "Enquêtes" page. Access: anyone. */
  @Public()
  @Query(() => [SurveySummaryDto], { description: 'Published Enquêtes across spaces. Access: anyone.' })
  surveys(): Promise<SurveySummaryDto[]> {
    return this.surveyService.listPublished();
  }
}
