import { DataSource, QueryFailedError } from 'typeorm';
import { startTestApp, TestApp } from '../../../test/test-app';
import { formatGraphQLError } from './graphql-error.formatter';

/** The formatter's safety net for dates: a PostgreSQL date error that got past every input check is the client's bad input, not a 500. */
describe('formatGraphQLError: PostgreSQL date errors', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, 120_000);
  afterAll(() => t.close());

  /** The error PostgreSQL really raises for `sql` with `params`. */
  const pgError = async (sql: string, params: unknown[]): Promise<QueryFailedError> => {
    try {
      await t.app.get(DataSource).query(sql, params);
    } catch (error) {
      if (error instanceof QueryFailedError) return error;
      throw error;
    }
    throw new Error('the query did not fail');
  };

  it.each([
    [
      '22008',
      'the earliest JS date (out of range)',
      `SELECT $1::timestamptz`,
      [new Date(-8.64e15)],
    ],
    ['22008', 'year 0 as a date', `SELECT $1::date`, ['0000-01-01']],
    ['22007', 'an unreadable date', `SELECT $1::timestamptz`, ['pas une date']],
  ])('%s (%s) → BAD_USER_INPUT', async (code, _label, sql, params) => {
    const error = await pgError(sql, params);
    expect((error as QueryFailedError & { driverError: { code: string } }).driverError.code).toBe(
      code,
    );
    const formatted = formatGraphQLError({ message: error.message }, error);
    expect(formatted).toMatchObject({
      message: 'Donnée invalide.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
