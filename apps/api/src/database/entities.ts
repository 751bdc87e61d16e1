import { DataExportEntity } from '../modules/account/data-export.entity';
import { TermsAcceptanceEntity, TermsDocumentEntity } from '../modules/terms/terms.entity';
import { ActionLogEntity } from '../modules/action-log/action-log.entity';
import { CommentEntity } from '../modules/comment/entities/comment.entity';
import { FollowEntity } from '../modules/follow/follow.entity';
import { ModerationEntity, ReportEntity } from '../modules/moderation/entities/moderation.entity';
import { ProposalSupportEntity } from '../modules/proposal/entities/proposal-support.entity';
import { SessionEntity } from '../modules/auth/session.entity';
import { MotionEntity } from '../modules/motion/entities/motion.entity';
import {
  MotionBallotEntity,
  MotionEventEntity,
  MotionParticipationEntity,
  MotionResultEntity,
} from '../modules/motion/entities/motion-vote.entity';
import { AssemblyInvitationEntity } from '../modules/participatory-space/entities/assembly-invitation.entity';
import { AssemblyMemberEntity } from '../modules/participatory-space/entities/assembly-member.entity';
import { ComponentEntity } from '../modules/participatory-space/entities/component.entity';
import { ParticipatorySpaceEntity } from '../modules/participatory-space/entities/participatory-space.entity';
import { SpacePhaseEntity } from '../modules/participatory-space/entities/space-phase.entity';
import { SpaceRoleEntity } from '../modules/participatory-space/entities/space-role.entity';
import {
  AmendmentEntity,
  AmendmentSupportEntity,
} from '../modules/participatory-text/entities/amendment.entity';
import {
  ArticleVersionEntity,
  ParticipatoryTextEntity,
  ProposalVersionEntity,
  TextArticleEntity,
  TextSectionEntity,
} from '../modules/participatory-text/entities/participatory-text.entity';
import { ParticipatoryTextSourceEntity } from '../modules/participatory-text/entities/participatory-text-source.entity';
import { ProposalEntity } from '../modules/proposal/entities/proposal.entity';
import { SurveyEntity } from '../modules/survey/entities/survey.entity';
import { SurveySubmissionEntity } from '../modules/survey/entities/survey-submission.entity';
import {
  SurveyQuestionEntity,
  SurveyQuestionOptionEntity,
} from '../modules/survey/entities/survey-question.entity';
import { UserEntity } from '../modules/user/entities/user.entity';

/** Every TypeORM entity of the API (listed, not globbed, so builds and tests see the same set). */
export const entities = [
  UserEntity,
  SessionEntity,
  ParticipatorySpaceEntity,
  SpacePhaseEntity,
  ComponentEntity,
  SpaceRoleEntity,
  AssemblyMemberEntity,
  ActionLogEntity,
  ProposalEntity,
  ProposalSupportEntity,
  CommentEntity,
  FollowEntity,
  ModerationEntity,
  ReportEntity,
  MotionEntity,
  MotionParticipationEntity,
  MotionBallotEntity,
  MotionResultEntity,
  MotionEventEntity,
  AssemblyInvitationEntity,
  ParticipatoryTextSourceEntity,
  ParticipatoryTextEntity,
  TextSectionEntity,
  TextArticleEntity,
  ArticleVersionEntity,
  ProposalVersionEntity,
  AmendmentEntity,
  AmendmentSupportEntity,
  SurveyEntity,
  SurveyQuestionEntity,
  SurveyQuestionOptionEntity,
  SurveySubmissionEntity,
  TermsDocumentEntity,
  TermsAcceptanceEntity,
  DataExportEntity,
];
