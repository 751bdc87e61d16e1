import type { Petition, PetitionType } from '../graphql/petitions';

/** A petition type as the API returns it (with `__typename`, for Apollo's mocked cache). */
export function petitionType(
  fields: Partial<PetitionType> = {},
): PetitionType & { __typename: 'PetitionType' } {
  return {
    __typename: 'PetitionType',
    id: 'type-1',
    title: 'Saisine de la gouvernance',
    description: '<p>Les membres saisissent la gouvernance.</p>',
    threshold: 50,
    periodDays: 30,
    minCommitteeSize: 2,
    signers: 'EVERYONE',
    typologies: [],
    publicSignatures: false,
    secondStageUrl: null,
    secondStage: null,
    ...fields,
  };
}

/** A published petition (20 of 50 signatures, 10 days left) as the API returns it. */
export function petition(
  fields: Partial<Petition> & { viewerReported?: boolean } = {},
): Petition & { __typename: 'Petition'; viewerReported: boolean } {
  return {
    __typename: 'Petition',
    viewerReported: false,
    id: 'p1',
    componentId: 'c1',
    link: '/espaces/filiere/f/c1/petitions/p1',
    title: 'Organiser une journée de la filière',
    body: '<p>Réunir les acteurs.</p>',
    state: 'PUBLISHED',
    discardReason: null,
    publishedAt: '2026-11-20T10:00:00.000Z',
    endsAt: '2026-12-20T10:00:00.000Z',
    readAt: '2026-12-10T10:00:00.000Z',
    signaturesCount: 20,
    threshold: 50,
    committeeSize: 2,
    answer: null,
    answerUrl: null,
    outcome: null,
    answeredAt: null,
    createdAt: '2026-11-19T10:00:00.000Z',
    viewerIsAuthor: false,
    viewerInCommittee: false,
    viewerHasSigned: false,
    viewerFollows: false,
    viewerCanSign: false,
    viewerCanAdminister: false,
    type: petitionType(),
    ...fields,
  };
}
