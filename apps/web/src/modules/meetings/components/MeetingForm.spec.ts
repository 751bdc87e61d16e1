import { agendaText, parseAgenda } from './MeetingForm';

describe('the admin form’s agenda box', () => {
  it('reads « Titre ; 30 » lines, « - » sub-items under the item above, and a missing duration as 0 (refused by the API with the item named)', () => {
    expect(
      parseAgenda(
        'Accueil ; 30\nAteliers ; 60\n- Interopérabilité ; 30\n– Éthique\u202f; 30\n\nClôture',
      ),
    ).toEqual([
      { title: 'Accueil', durationMinutes: 30 },
      {
        title: 'Ateliers',
        durationMinutes: 60,
        children: [
          { title: 'Interopérabilité', durationMinutes: 30 },
          { title: 'Éthique', durationMinutes: 30 },
        ],
      },
      { title: 'Clôture', durationMinutes: 0 },
    ]);
  });

  it('writes back what it reads', () => {
    const items = [
      { title: 'Accueil', durationMinutes: 30, children: [] },
      {
        title: 'Ateliers',
        durationMinutes: 60,
        children: [{ title: 'Éthique', durationMinutes: 30 }],
      },
    ];
    expect(agendaText(items)).toBe('Accueil ; 30\nAteliers ; 60\n- Éthique ; 30');
    expect(parseAgenda(agendaText(items))).toEqual([
      { title: 'Accueil', durationMinutes: 30 },
      {
        title: 'Ateliers',
        durationMinutes: 60,
        children: [{ title: 'Éthique', durationMinutes: 30 }],
      },
    ]);
  });
});
