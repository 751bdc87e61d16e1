import { component } from '../platform/component-registry';
import { BallotModule } from './ballot/ballot.module';
import { votesManifest } from './ballot/ballot.manifest';
import { MotionModule } from './motion/motion.module';
import { motionsManifest } from './motion/motion.manifest';
import { ParticipatoryTextModule } from './participatory-text/participatory-text.module';
import { participatoryTextManifest } from './participatory-text/participatory-text.manifest';
import { ProposalModule } from './proposal/proposal.module';
import { proposalsManifest } from './proposal/proposal.manifest';
import { PetitionModule } from './petition/petition.module';
import { petitionsManifest } from './petition/petition.manifest';
import { MeetingModule } from './meeting/meeting.module';
import { meetingsManifest } from './meeting/meeting.manifest';
import { IdeaModule } from './idea/idea.module';
import { ideasManifest } from './idea/idea.manifest';
import { DebateModule } from './debate/debate.module';
import { debateManifest } from './debate/debate.manifest';
import { NewsModule } from './news/news.module';
import { newsManifest } from './news/news.manifest';
import { SurveyModule } from './survey/survey.module';
import { surveyManifest } from './survey/survey.manifest';

/**
 * The component types of the API: one line each (manifest + module). A new type adds its
 * folder and one line here (see `apps/api/src/modules/README.md`).
 */
export const COMPONENT_TYPES = [
  component(proposalsManifest, ProposalModule),
  component(participatoryTextManifest, ParticipatoryTextModule),
  component(surveyManifest, SurveyModule),
  component(motionsManifest, MotionModule),
  component(votesManifest, BallotModule),
  component(petitionsManifest, PetitionModule),
  component(meetingsManifest, MeetingModule),
  component(ideasManifest, IdeaModule),
  component(debateManifest, DebateModule),
  component(newsManifest, NewsModule),
];
