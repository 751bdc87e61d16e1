/**
 * The parameters of one SQL statement composed of parts written by several modules (for
 * instance a data-modifying `WITH` whose parts are a module's write and the follow, action-log
 * and outbox rows that go with it): each part adds its values and gets their placeholders, so
 * the parts need not know each other's numbering. Lets a hot write path send one statement
 * (one round trip) while each module still writes its own tables.
 */
export class StatementParameters {
  /** The values, in placeholder order (`$1` is `values[0]`). */
  readonly values: unknown[] = [];

  /**
   * Adds a value. @param value the parameter; @param cast optional SQL type (`uuid`, `int`…)
   * @returns its placeholder, e.g. `$3` or `$3::uuid`
   */
  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return `$${this.values.length}${cast ? `::${cast}` : ''}`;
  }
}
