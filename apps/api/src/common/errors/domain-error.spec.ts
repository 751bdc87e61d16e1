import { DomainError } from './domain-error';

describe('DomainError.badInput', () => {
  it('drops the field’s own key in front of the message: the key is in `field`', () => {
    expect(DomainError.badInput('after : curseur invalide.', { field: 'after' }).message).toBe(
      'Curseur invalide.',
    );
    expect(
      DomainError.badInput('reason: 5 000 caractères au plus', { field: 'reason' }).message,
    ).toBe('5 000 caractères au plus');
  });

  it('keeps a message whose start is not the field’s key, and the validation pipe’s list of fields', () => {
    expect(
      DomainError.badInput('Écrivez votre idée : le texte est vide.', { field: 'body' }).message,
    ).toBe('Écrivez votre idée : le texte est vide.');
    expect(DomainError.badInput('title : trop court.', { field: 'body' }).message).toBe(
      'title : trop court.',
    );
    expect(
      DomainError.badInput('title : au moins 3 caractères. emails : adresse invalide.', {
        field: 'title',
        validationErrors: ['title : au moins 3 caractères.', 'emails : adresse invalide.'],
      }).message,
    ).toBe('title : au moins 3 caractères. emails : adresse invalide.');
  });

  it('words a missing field in both languages, without the key', () => {
    const error = DomainError.required('title');
    expect(error).toMatchObject({
      message: 'Ce champ est obligatoire.',
      english: 'This field is required.',
      details: { field: 'title' },
    });
  });
});
