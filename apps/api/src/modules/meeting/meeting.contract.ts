import {
  type ContractFixture,
  freshComponent,
  freshSpace,
  must,
} from '../../../test/capability-contracts/kit';

export const contractFixtures: ContractFixture[] = [
  {
    type: 'MEETING',
    /** A published in-person meeting next week in a fresh MEETINGS component. */
    async create(c) {
      const spaceId = await freshSpace(c);
      const componentId = await freshComponent(c, spaceId, 'MEETINGS');
      const word = c.word();
      const startsAt = new Date(Date.now() + 7 * 24 * 3600_000);
      const d = await must(
        c.t,
        `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }`,
        {
          i: {
            componentId,
            title: `Rencontre de contrat ${word}`,
            type: 'IN_PERSON',
            address: '14 avenue Duquesne, 75007 Paris',
            published: true,
            startsAt: startsAt.toISOString(),
            endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
          },
        },
        c.admin,
      );
      return { id: d.createMeeting.id, spaceId, componentId, searchText: word };
    },
    async viewerReported(c, resource, token) {
      const d = await must(
        c.t,
        `query($id: ID!) { meeting(id: $id) { viewerReported } }`,
        { id: resource.id },
        token,
      );
      return d.meeting.viewerReported;
    },
  },
];
