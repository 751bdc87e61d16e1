import { ComponentType, SpaceType } from '@concerto/domain';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import { sanitizeRichText } from '../../common/rich-text/rich-text';
import { activeTypologies, createMemberProfile } from '../profile/pseudo';
import { ActionLogService } from '../action-log/action-log.service';
import { MotionEntity } from '../motion/entities/motion.entity';
import { ComponentEntity } from '../participatory-space/entities/component.entity';
import { ParticipatorySpaceEntity } from '../participatory-space/entities/participatory-space.entity';
import { SpacePhaseEntity } from '../participatory-space/entities/space-phase.entity';
import { ParticipatoryTextImport } from '../participatory-text/participatory-text-import';
import { type DemoIdeasFile, insertDemoIdeaBox } from '../idea/idea-demo';
import { insertDemoPetition } from '../petition/petition-demo';
import { demoGrades, insertDemoBallot } from '../ballot/ballot-demo';
import { type DemoDebateFile, insertDemoDebate } from '../debate/debate-demo';
import { type DemoNewsFile, insertDemoNews } from '../news/news-demo';
import { type DemoNewsletterFile, insertDemoNewsletterOnce } from '../newsletter/newsletter-demo';
import {
  type DemoMeetingFile,
  type DemoSittingFile,
  insertDemoMeeting,
  insertDemoSitting,
} from '../meeting/meeting-demo';
import { insertDemoAssemblyMember } from '../participatory-space/assembly-demo';
import { insertDemoAccount } from '../user/user-demo';
import { ProposalEntity } from '../proposal/entities/proposal.entity';
import { insertDemoProposalReactions } from '../proposal/proposal-demo';
import {
  SurveyQuestionEntity,
  SurveyQuestionOptionEntity,
  SurveyQuestionType,
} from '../survey/entities/survey-question.entity';
import { SurveyEntity } from '../survey/entities/survey.entity';

/** Folder of the demo data files (copied next to the compiled code by the build). */
export const DEMO_DATA_DIR = join(__dirname, 'data');

interface SpaceFile {
  slug: string;
  title: string;
  subtitle: string;
  description: string;
}
interface ConcertationFile extends SpaceFile {
  phases: {
    title: string;
    description: string;
    startDate: string;
    endDate: string;
    active: boolean;
  }[];
}
interface AssemblyFile extends SpaceFile {
  colleges: { key: string; name: string }[];
  motions: { reference: string; title: string; body: string }[];
  demoMembers?: { name: string; position: string; college: string }[];
}
interface ProposalFile {
  reference: string;
  title: string;
  body: string;
  axis?: string;
}
interface PetitionsFile {
  component: { title: string; description: string };
  type: {
    title: string;
    description: string;
    threshold: number;
    periodDays: number;
    minCommitteeSize: number;
  };
  petition: { title: string; body: string };
  demoSigners: number;
}

interface VotationsFile {
  component: { title: string; description: string };
  demoVoters: number;
  ranking: {
    title: string;
    explanation: string;
    question: string;
    options: { title: string; description: string }[];
    openedDaysAgo: number;
    closedDaysAgo: number;
    baseGrades: number[];
  };
  election: {
    title: string;
    explanation: string;
    question: string;
    options: { title: string; description: string }[];
    openForDays: number;
    demoVotes: number;
  };
}

interface MeetingsFile {
  componentTitle: string;
  componentDescription: string;
  /** The Assemblée's monthly online sitting, deciding one motion (see {@link DemoContentService.loadDemoSitting}). */
  sitting: DemoSittingFile;
  meeting: DemoMeetingFile;
}
interface SurveyFile {
  title: string;
  description: string;
  opensAt: string;
  closesAt: string;
  questions: ({
    type: SurveyQuestionType;
    body: string;
    mandatory: boolean;
    section?: string;
    description?: string;
    options?: string[];
    scale?: { points: number; labels: string[] };
  } & Record<string, unknown>)[];
}

/** The demo content, read from the data files derived from the filière's 2021 report. */
export function readDemoContent() {
  const json = <T>(file: string) =>
    JSON.parse(readFileSync(join(DEMO_DATA_DIR, file), 'utf8')) as T;
  return {
    concertation: json<ConcertationFile>('concertation.json'),
    proposals: json<ProposalFile[]>('proposals.json'),
    participatoryText: readFileSync(join(DEMO_DATA_DIR, 'participatory-text.md'), 'utf8'),
    assembly: json<AssemblyFile>('assembly.json'),
    survey: json<SurveyFile>('survey.json'),
    petitions: json<PetitionsFile>('petitions.json'),
    meetings: json<MeetingsFile>('meetings.json'),
    votations: json<VotationsFile>('votations.json'),
    ideas: json<DemoIdeasFile>('ideas.json'),
    debate: json<DemoDebateFile>('debate.json'),
    news: json<DemoNewsFile>('news.json'),
    newsletter: json<DemoNewsletterFile>('newsletter.json'),
  };
}

const DEMO_FLAG = 'demo_content_loaded';
/** Set once the demo petition is loaded (also into databases whose demo predates petitions). */
const DEMO_PETITIONS_FLAG = 'demo_petitions_loaded';
/** Set once the demo voters' reactions to the proposals are loaded (never again, even if an admin turns « pas d'accord » off). */
const DEMO_CONSENSUS_FLAG = 'demo_consensus_loaded';
/** Set once the demo votations are loaded (also into databases whose demo predates them). */
const DEMO_VOTATIONS_FLAG = 'demo_votations_loaded';

/**
 * Loads the demo content once per database (DESIGN.md "Demo content"): the Concertation with
 * its phases, section 4.3's measures as proposals, section 5 as a participatory-text source,
 * annex 1's questionnaire as an Enquête, and the Assemblée with annex 2's four actions as motions.
 */
@Injectable()
export class DemoContentService {
  private readonly logger = new Logger('DemoContent');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly actionLog: ActionLogService,
  ) {
    this.texts = new ParticipatoryTextImport(actionLog);
  }

  /** The participatory-text import, the same unit of work an admin's import runs. */
  private readonly texts: ParticipatoryTextImport;

  /**
   * Loads the demo content unless this database already has it. Idempotent and safe when
   * several processes start at once: a transaction-scoped advisory lock serialises them and
   * the `demo_content_loaded` flag in `app_settings` is written in the same transaction.
   * @returns true when it loaded the content now, false when it was already there
   */
  async loadOnce(): Promise<boolean> {
    const content = readDemoContent();
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('concerto:demo-content'))`);
      const done = await manager.query(`SELECT 1 FROM app_settings WHERE key = $1`, [DEMO_FLAG]);
      if (done.length) {
        await this.importDemoTextsLoadedBefore(manager);
        await this.loadPetitionsOnce(manager, content.petitions);
        await this.loadDemoMeeting(manager, content.concertation.slug, content.meetings);
        await this.loadVotationsOnce(manager, content.concertation.slug, content.votations);
        await this.loadDemoIdeas(manager, content.concertation.slug, content.ideas);
        await this.loadDemoDebate(manager, content.concertation.slug, content.debate);
        await this.loadDemoConsensus(manager, content.concertation.slug, content.debate);
        await this.loadDemoNews(manager, content.concertation.slug, content.news);
        await this.loadDemoSitting(manager, content.assembly.slug, content.meetings);
        await this.loadDemoNewsletter(manager, content.newsletter);
        return false;
      }
      await this.loadConcertation(manager, content);
      await this.loadDemoMeeting(manager, content.concertation.slug, content.meetings);
      await this.loadDemoIdeas(manager, content.concertation.slug, content.ideas);
      await this.loadAssembly(manager, content.assembly);
      await this.loadDemoSitting(manager, content.assembly.slug, content.meetings);
      await this.loadPetitionsOnce(manager, content.petitions);
      await this.loadVotationsOnce(manager, content.concertation.slug, content.votations);
      // after the ideas: both share the demo voters of annex 1's types, the ideas' get their typology first
      await this.loadDemoDebate(manager, content.concertation.slug, content.debate);
      // after the debate: its demo voters react to the proposals with their archetype
      await this.loadDemoConsensus(manager, content.concertation.slug, content.debate);
      await this.loadDemoNews(manager, content.concertation.slug, content.news);
      await this.loadDemoNewsletter(manager, content.newsletter);
      await manager.query(`INSERT INTO app_settings (key, value) VALUES ($1, $2)`, [
        DEMO_FLAG,
        JSON.stringify({ at: new Date().toISOString() }),
      ]);
      this.logger.log(
        `demo content loaded: ${content.proposals.length} proposals, ${content.survey.questions.length} survey questions, ${content.assembly.motions.length} motions`,
      );
      return true;
    });
  }

  /**
   * Databases whose demo was loaded before texts were imported into articles hold only the
   * Markdown source: import and publish it once (a text that has a structure is left alone).
   */
  private async importDemoTextsLoadedBefore(manager: EntityManager): Promise<void> {
    for (const text of await this.texts.demoSourcesNotImported(manager)) {
      await this.texts.importInTransaction(manager, text.componentId, text.markdown, null);
      await this.texts.publishInTransaction(manager, text.componentId, null);
    }
  }

  /**
   * A PETITIONS component in the demo Concertation with one open petition from the report
   * (section 5, proposition 16: « Organiser une journée de la filière ») and signatures by demo
   * accounts (`is_demo`, named « Signataire démo — n », no usable password), through
   * {@link insertDemoPetition} (the petition module's SQL). Once per database (its own flag).
   */
  private async loadPetitionsOnce(manager: EntityManager, file: PetitionsFile): Promise<void> {
    if (
      (await manager.query(`SELECT 1 FROM app_settings WHERE key = $1`, [DEMO_PETITIONS_FLAG]))
        .length
    )
      return;
    const [space] = await manager.query(
      `SELECT id FROM participatory_spaces WHERE is_demo AND type = 'PROCESS' ORDER BY created_at LIMIT 1`,
    );
    if (space) {
      const component = await appendDemoComponent(
        manager,
        space.id,
        ComponentType.PETITIONS,
        file.component.title,
        file.component.description,
      );
      const signers: string[] = [];
      for (let index = 1; index <= file.demoSigners; index += 1) {
        const name = `Signataire démo — ${index}`;
        const userId = await insertDemoAccount(
          manager,
          name,
          `demo-signataire-${index}@demo.concerto.invalid`,
          'skip',
        );
        if (!userId) continue;
        await createMemberProfile(manager, userId, name);
        signers.push(userId);
      }
      await insertDemoPetition(manager, component.id, file.type, file.petition, signers);
    }
    await manager.query(`INSERT INTO app_settings (key, value) VALUES ($1, $2)`, [
      DEMO_PETITIONS_FLAG,
      JSON.stringify({ at: new Date().toISOString() }),
    ]);
  }

  /**
   * A VOTES component in the demo Concertation with two votations (`is_demo`), through
   * {@link insertDemoBallot} (the ballot module's SQL): annex 2's four structuring actions
   * graded by majority judgment — closed, so its results and published list show — and the
   * election of the representative committee's board (one SINGLE question between three demo
   * lists), open for two weeks. The votes are those of demo accounts (`is_demo`, named « Votant·e
   * démo — n », no usable password). Once per database (its own flag).
   */
  private async loadVotationsOnce(
    manager: EntityManager,
    slug: string,
    file: VotationsFile,
  ): Promise<void> {
    if (
      (await manager.query(`SELECT 1 FROM app_settings WHERE key = $1`, [DEMO_VOTATIONS_FLAG]))
        .length
    )
      return;
    const [space] = await manager.query(
      `SELECT id FROM participatory_spaces WHERE slug = $1 AND is_demo`,
      [slug],
    );
    if (space) {
      const component = await appendDemoComponent(
        manager,
        space.id,
        ComponentType.VOTES,
        file.component.title,
        file.component.description,
      );
      const voters: string[] = [];
      for (let index = 1; index <= file.demoVoters; index += 1) {
        const name = `Votant·e démo — ${index}`;
        const userId = await insertDemoAccount(
          manager,
          name,
          `demo-votant-${index}@demo.concerto.invalid`,
          'skip',
        );
        if (!userId) continue;
        await createMemberProfile(manager, userId, name);
        voters.push(userId);
      }
      const r = file.ranking;
      await insertDemoBallot(
        manager,
        component.id,
        {
          title: r.title,
          explanation: r.explanation,
          question: r.question,
          method: 'MAJORITY_JUDGMENT',
          options: r.options,
          opensInDays: -r.openedDaysAgo,
          closesInDays: -r.closedDaysAgo,
          secret: true,
          receiptsEnabled: true,
          votes: demoGrades(voters.length, r.baseGrades).map((grades) => ({ grades })),
        },
        voters,
      );
      const e = file.election;
      await insertDemoBallot(
        manager,
        component.id,
        {
          title: e.title,
          explanation: e.explanation,
          question: e.question,
          method: 'SINGLE',
          options: e.options,
          opensInDays: -1,
          closesInDays: e.openForDays,
          secret: true,
          receiptsEnabled: false,
          // about 45 %, 30 %, 25 % of the demo votes
          votes: Array.from({ length: Math.min(e.demoVotes, voters.length) }, (_, i) => ({
            optionIndexes: [[0, 0, 1, 2, 0, 1, 2, 0, 1, 0, 2][i % 11]],
          })),
        },
        voters,
      );
    }
    await manager.query(`INSERT INTO app_settings (key, value) VALUES ($1, $2)`, [
      DEMO_VOTATIONS_FLAG,
      JSON.stringify({ at: new Date().toISOString() }),
    ]);
  }

  /**
   * The Assemblée's monthly online sitting (séance), once, in a MEETINGS component of the demo
   * Assemblée: the next `isoWeekday` at least `daysAhead` days ahead, Paris time, registrations
   * open, its agenda linking a draft motion (measure 16 of section 5, quorum counted on the members
   * present) that the chair opens and closes during the sitting.
   */
  private async loadDemoSitting(
    manager: EntityManager,
    slug: string,
    file: MeetingsFile,
  ): Promise<void> {
    const [space] = await manager.query(
      `SELECT s.id, c.id AS motions_id FROM participatory_spaces s JOIN components c ON c.space_id = s.id AND c.type = $2
        WHERE s.slug = $1 AND s.is_demo ORDER BY c.position LIMIT 1`,
      [slug, ComponentType.MOTIONS],
    );
    if (!space) return;
    const [existing] = await manager.query(
      `SELECT 1 FROM components WHERE space_id = $1 AND type = $2`,
      [space.id, ComponentType.MEETINGS],
    );
    if (existing) return;
    const m = file.sitting;
    const component = await appendDemoComponent(
      manager,
      space.id,
      ComponentType.MEETINGS,
      m.componentTitle,
      m.componentDescription,
    );
    const motion = await manager.save(
      manager.create(MotionEntity, {
        componentId: space.motions_id,
        authorId: null,
        reference: m.motion.reference,
        title: m.motion.title,
        body: sanitizeRichText(m.motion.body),
        opensAt: null,
        closesAt: null,
        majority: 'SIMPLE',
        quorumPercent: String(m.motion.quorumPercent),
        quorumBasis: 'PRESENT',
      }),
    );
    const meeting = { id: await insertDemoSitting(manager, component.id, space.id, m, motion.id) };
    await this.actionLog.record(manager, {
      userId: null,
      action: 'load_demo',
      resourceType: 'meeting',
      resourceId: meeting.id,
      spaceId: space.id,
      visibility: 'ADMIN_ONLY',
      summary: `Séance de démonstration « ${m.title} » chargée`,
    });
  }

  /**
   * The « Journée de la filière » (section 5, measure 16) as an in-person meeting with its agenda,
   * in a MEETINGS component of the demo Concertation (marked `is_demo`), once: a database whose
   * demo was loaded before meetings existed gets it at the next start.
   */
  private async loadDemoMeeting(
    manager: EntityManager,
    slug: string,
    file: MeetingsFile,
  ): Promise<void> {
    const space = await demoSpaceLacking(manager, slug, ComponentType.MEETINGS);
    if (!space) return;
    const component = await appendDemoComponent(
      manager,
      space.id,
      ComponentType.MEETINGS,
      file.componentTitle,
      file.componentDescription,
    );
    const m = file.meeting;
    const meetingId = await insertDemoMeeting(manager, component.id, space.id, m);
    await this.actionLog.record(manager, {
      userId: null,
      action: 'load_demo',
      resourceType: 'meeting',
      resourceId: meetingId,
      spaceId: space.id,
      visibility: 'ADMIN_ONLY',
      summary: `Rencontre de démonstration « ${m.title} » chargée`,
    });
  }

  /**
   * A newsletter draft (« Lettre d’information ») from the report's call to continue the work
   * « pour faire filière », marked demo and never sent, through the newsletter module's
   * {@link insertDemoNewsletterOnce}. Once: a database whose demo predates newsletters gets it at
   * the next start.
   */
  private async loadDemoNewsletter(
    manager: EntityManager,
    file: DemoNewsletterFile,
  ): Promise<void> {
    const id = await insertDemoNewsletterOnce(manager, file);
    if (id)
      await this.actionLog.record(manager, {
        userId: null,
        action: 'load_demo',
        resourceType: 'newsletter',
        resourceId: id,
        summary: 'Lettre d’information de démonstration (brouillon)',
      });
  }

  /**
   * A NEWS component (« Actualités ») in the demo Concertation with two posts drawn from the
   * report — its synthesis and the call to continue the work « pour faire filière » — on the home
   * page, through {@link insertDemoNews} (the news module's SQL). Once: a database whose demo
   * predates news gets them at the next start.
   */
  private async loadDemoNews(
    manager: EntityManager,
    slug: string,
    file: DemoNewsFile,
  ): Promise<void> {
    const space = await demoSpaceLacking(manager, slug, ComponentType.NEWS);
    if (!space) return;
    const component = await appendDemoComponent(
      manager,
      space.id,
      ComponentType.NEWS,
      file.componentTitle,
      file.componentDescription,
    );
    const ids = await insertDemoNews(manager, component.id, space.id, file);
    await this.actionLog.record(manager, {
      userId: null,
      action: 'load_demo',
      resourceType: 'news_post',
      resourceId: ids[0],
      spaceId: space.id,
      visibility: 'ADMIN_ONLY',
      summary: `Actualités de démonstration chargées (${ids.length})`,
    });
  }

  /**
   * A DEBATE component in the demo Concertation with one debate on annex 1's statements (axes
   * 1–3) and the votes of 127 synthetic voters (`is_demo`, named « Votant·e démo — <type> n », no
   * usable password) spread over annex 1's typology as in the 2021 survey, through
   * {@link insertDemoDebate} (the debate module's SQL), so the opinion map shows groups. Once: a
   * database whose demo predates debates gets it at the next start.
   */
  private async loadDemoDebate(
    manager: EntityManager,
    slug: string,
    file: DemoDebateFile,
  ): Promise<void> {
    const space = await demoSpaceLacking(manager, slug, ComponentType.DEBATE);
    if (!space) return;
    const component = await appendDemoComponent(
      manager,
      space.id,
      ComponentType.DEBATE,
      file.componentTitle,
      file.componentDescription,
    );
    const voters: string[] = [];
    for (const type of file.voters) {
      for (let n = 1; n <= type.count; n += 1) {
        const name = `Votant·e démo — ${type.label} ${n}`;
        const userId = (await insertDemoAccount(
          manager,
          name,
          `demo-votant-${type.typology.replace(/_/g, '-')}-${n}@demo.concerto.invalid`,
          'reuse',
        ))!;
        await createMemberProfile(manager, userId, name, type.typology);
        voters.push(userId);
      }
    }
    const debateId = await insertDemoDebate(manager, component.id, file, voters);
    await this.actionLog.record(manager, {
      userId: null,
      action: 'load_demo',
      resourceType: 'debate',
      resourceId: debateId,
      spaceId: space.id,
      visibility: 'ADMIN_ONLY',
      summary: `Débat de démonstration « ${file.debate.title} » chargé (${file.statements.length} affirmations, ${voters.length} votant·es fictifs)`,
    });
  }
  /**
   * « Pas d'accord » and the CONSENSUS order on the demo « Mesures proposées » (the PROPOSALS
   * component's `disagreementsEnabled` turned on), with supports and « pas d'accord » marks from
   * the demo debate's synthetic voters, each reacting with their debate archetype, through
   * {@link insertDemoProposalReactions} (the proposal module's SQL): some measures are shared by
   * every group, others split them, so the CONSENSUS order differs from the most supported. Once:
   * the setting, once on, marks it done (a database whose demo predates it gets it at the next start).
   */
  private async loadDemoConsensus(
    manager: EntityManager,
    slug: string,
    file: DemoDebateFile,
  ): Promise<void> {
    if (
      (await manager.query(`SELECT 1 FROM app_settings WHERE key = $1`, [DEMO_CONSENSUS_FLAG]))
        .length
    )
      return;
    // the demo's own component (its title, the oldest): not another PROPOSALS component added later
    const [component] = await manager.query(
      `SELECT c.id, c.settings, c.space_id FROM components c JOIN participatory_spaces s ON s.id = c.space_id
        WHERE s.slug = $1 AND s.is_demo AND c.type = $2 AND c.title = $3 ORDER BY c.created_at LIMIT 1`,
      [slug, ComponentType.PROPOSALS, 'Mesures proposées'],
    );
    await manager.query(`INSERT INTO app_settings (key, value) VALUES ($1, $2)`, [
      DEMO_CONSENSUS_FLAG,
      JSON.stringify({ at: new Date().toISOString() }),
    ]);
    if (!component || component.settings?.disagreementsEnabled === true) return;
    await manager.update(ComponentEntity, component.id, {
      settings: { ...(component.settings ?? {}), disagreementsEnabled: true },
    });
    const reactors: { userId: string; archetype: string }[] = [];
    for (const type of file.voters) {
      const emails = Array.from(
        { length: type.count },
        (_, n) => `demo-votant-${type.typology.replace(/_/g, '-')}-${n + 1}@demo.concerto.invalid`,
      );
      const users: { id: string }[] = await manager.query(
        `SELECT id FROM users WHERE is_demo AND lower(email) = ANY($1::text[]) ORDER BY email`,
        [emails],
      );
      for (const u of users) reactors.push({ userId: u.id, archetype: type.archetype });
    }
    const seeded = await insertDemoProposalReactions(manager, component.id, reactors);
    await this.actionLog.record(manager, {
      userId: null,
      action: 'load_demo',
      resourceType: 'component',
      resourceId: component.id,
      spaceId: component.space_id,
      visibility: 'ADMIN_ONLY',
      summary: `Réactions de démonstration chargées (${seeded.supports} soutiens, ${seeded.disagreements} « pas d’accord », ${reactors.length} votant·es fictifs)`,
    });
  }

  /**
   * A Boîte à idées « Quelle action la filière doit-elle mener en priorité ? » in an IDEAS
   * component of the demo Concertation, seeded with measures of section 5 of the report, with
   * synthetic answers by demo voters of each annex 1 respondent type (accounts `is_demo`, named
   * « Votant·e démo — <type> n », no usable password) through {@link insertDemoIdeaBox} (the idea
   * module's SQL). Once: a database whose demo predates idea boxes gets it at the next start.
   */
  private async loadDemoIdeas(
    manager: EntityManager,
    slug: string,
    file: DemoIdeasFile,
  ): Promise<void> {
    const space = await demoSpaceLacking(manager, slug, ComponentType.IDEAS);
    if (!space) return;
    const component = await appendDemoComponent(
      manager,
      space.id,
      ComponentType.IDEAS,
      file.componentTitle,
      file.componentDescription,
    );
    const typologies = await activeTypologies(manager);
    const voters: { userId: string; typologyKey: string | null }[] = [];
    for (const typology of typologies) {
      for (let n = 1; n <= file.demoVoters.perTypology; n++) {
        const name = `Votant·e démo — ${typology.label.slice(0, 60)} ${n}`;
        const userId = await insertDemoAccount(
          manager,
          name,
          `demo-votant-${typology.key.replace(/_/g, '-')}-${n}@demo.concerto.invalid`,
          'skip',
        );
        if (!userId) continue;
        await createMemberProfile(manager, userId, name, typology.key);
        voters.push({ userId, typologyKey: typology.key });
      }
    }
    const boxId = await insertDemoIdeaBox(manager, component.id, space.id, file, voters);
    await this.actionLog.record(manager, {
      userId: null,
      action: 'load_demo',
      resourceType: 'idea_box',
      resourceId: boxId,
      spaceId: space.id,
      visibility: 'ADMIN_ONLY',
      summary: `Boîte à idées de démonstration chargée (${file.ideas.length} idées, ${voters.length} votants fictifs)`,
    });
  }

  private async loadConcertation(
    manager: EntityManager,
    content: ReturnType<typeof readDemoContent>,
  ): Promise<void> {
    const { concertation, proposals, participatoryText, survey } = content;
    const space = await manager.save(
      manager.create(ParticipatorySpaceEntity, {
        slug: concertation.slug,
        type: SpaceType.PROCESS,
        title: concertation.title,
        subtitle: concertation.subtitle,
        description: concertation.description,
        publishedAt: new Date(),
        isDemo: true,
      }),
    );
    for (const [position, phase] of concertation.phases.entries()) {
      await manager.insert(SpacePhaseEntity, {
        spaceId: space.id,
        position,
        title: phase.title,
        description: phase.description,
        startDate: phase.startDate,
        endDate: phase.endDate,
        active: phase.active,
      });
    }
    const addComponent = (
      type: ComponentType,
      position: number,
      title: string,
      description: string,
    ) =>
      manager.save(
        manager.create(ComponentEntity, {
          spaceId: space.id,
          type,
          position,
          title,
          description,
          publishedAt: new Date(),
          settings: {},
        }),
      );

    const text = await addComponent(
      ComponentType.PARTICIPATORY_TEXT,
      0,
      'Propositions du groupe de travail (texte à amender)',
      'Section 5 du rapport : les propositions du groupe de travail, à commenter et amender article par article.',
    );
    // the same import path as an admin's, then published: section 5 becomes sections and numbered articles
    await this.texts.importInTransaction(manager, text.id, participatoryText, null);
    await this.texts.publishInTransaction(manager, text.id, null);

    const proposalsComponent = await addComponent(
      ComponentType.PROPOSALS,
      1,
      'Mesures proposées',
      'Les mesures de la section 4.3 du rapport, à soutenir et à discuter.',
    );
    const base = Date.now() - proposals.length * 1000;
    for (const [index, proposal] of proposals.entries()) {
      await manager.insert(ProposalEntity, {
        publishedAt: new Date(base + index * 1000), // keeps the report's order in "oldest first"
        positionIndex: index,
        componentId: proposalsComponent.id,
        authorId: null,
        official: true,
        reference: proposal.reference,
        title: proposal.title,
        body: sanitizeRichText(proposal.body),
        state: 'NOT_ANSWERED',
      });
    }

    const surveyComponent = await addComponent(
      ComponentType.SURVEY,
      2,
      'Enquête de février 2021',
      survey.description.split('\n\n')[0],
    );
    const surveyRow = await manager.save(
      manager.create(SurveyEntity, {
        componentId: surveyComponent.id,
        title: survey.title,
        description: survey.description,
        opensAt: new Date(survey.opensAt),
        closesAt: new Date(survey.closesAt),
      }),
    );
    for (const [position, question] of survey.questions.entries()) {
      const { type, body, mandatory, options, scale, ...rest } = question;
      const settings: Record<string, unknown> = { ...rest };
      if (scale) settings.scale = scale;
      const saved = await manager.save(
        manager.create(SurveyQuestionEntity, {
          surveyId: surveyRow.id,
          position,
          type,
          body,
          mandatory,
          settings,
        }),
      );
      for (const [optionPosition, option] of (options ?? []).entries()) {
        await manager.insert(SurveyQuestionOptionEntity, {
          questionId: saved.id,
          position: optionPosition,
          body: option,
          freeText: /^autre/i.test(option),
        });
      }
    }
    await this.actionLog.record(manager, {
      userId: null,
      action: 'load_demo',
      resourceType: 'participatory_space',
      resourceId: space.id,
      spaceId: space.id,
      visibility: 'ADMIN_ONLY',
      summary: 'Contenu de démonstration chargé',
    });
  }

  private async loadAssembly(manager: EntityManager, assembly: AssemblyFile): Promise<void> {
    const space = await manager.save(
      manager.create(ParticipatorySpaceEntity, {
        slug: assembly.slug,
        type: SpaceType.ASSEMBLY,
        title: assembly.title,
        subtitle: assembly.subtitle,
        description: assembly.description,
        publishedAt: new Date(),
        isDemo: true,
      }),
    );
    const motions = await manager.save(
      manager.create(ComponentEntity, {
        spaceId: space.id,
        type: ComponentType.MOTIONS,
        position: 0,
        title: 'Motions',
        description:
          'Les quatre actions structurantes de l’annexe 2 du rapport, soumises à l’assemblée.',
        publishedAt: new Date(),
        settings: { colleges: assembly.colleges },
      }),
    );
    // open now, closing in 14 days, so a visitor can follow a live vote
    const [{ now }] = await manager.query(`SELECT now() AS now`);
    const opensAt = new Date(now);
    const closesAt = new Date(opensAt.getTime() + 14 * 24 * 3600 * 1000);
    for (const motion of assembly.motions) {
      await manager.insert(MotionEntity, {
        componentId: motions.id,
        authorId: null,
        reference: motion.reference,
        title: motion.title,
        body: motion.body,
        opensAt,
        closesAt,
        majority: 'SIMPLE',
        quorumPercent: '0',
      });
    }
    // demo members (is_demo, clearly named, no usable password), one per college
    for (const [index, member] of (assembly.demoMembers ?? []).entries()) {
      const userId = (await insertDemoAccount(
        manager,
        member.name,
        `demo-membre-${index + 1}@demo.concerto.invalid`,
        'fail',
      ))!;
      await createMemberProfile(manager, userId, member.name);
      await insertDemoAssemblyMember(manager, space.id, userId, member.position, member.college);
    }
    await this.actionLog.record(manager, {
      userId: null,
      action: 'load_demo',
      resourceType: 'participatory_space',
      resourceId: space.id,
      spaceId: space.id,
      visibility: 'ADMIN_ONLY',
      summary: 'Contenu de démonstration chargé',
    });
  }
}

/**
 * The demo space `slug` (its id), or null when there is none or it already has a component of
 * `type`: a demo loader adds its component once, and a database whose demo predates the
 * component type gets it at the next start.
 */
async function demoSpaceLacking(
  manager: EntityManager,
  slug: string,
  type: ComponentType,
): Promise<{ id: string } | null> {
  const [space] = await manager.query(
    `SELECT s.id FROM participatory_spaces s WHERE s.slug = $1 AND s.is_demo
       AND NOT EXISTS (SELECT 1 FROM components c WHERE c.space_id = s.id AND c.type = $2)`,
    [slug, type],
  );
  return space ?? null;
}

/** A published component of `type` appended after the space's last one, with default settings. */
async function appendDemoComponent(
  manager: EntityManager,
  spaceId: string,
  type: ComponentType,
  title: string,
  description: string,
): Promise<ComponentEntity> {
  const [{ position }]: { position: number }[] = await manager.query(
    `SELECT coalesce(max(position) + 1, 0)::int AS position FROM components WHERE space_id = $1`,
    [spaceId],
  );
  return manager.save(
    manager.create(ComponentEntity, {
      spaceId,
      type,
      position,
      title,
      description,
      publishedAt: new Date(),
      settings: {},
    }),
  );
}
