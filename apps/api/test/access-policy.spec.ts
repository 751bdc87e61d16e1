import { GraphQLSchemaHost } from '@nestjs/graphql';
import { MetadataScanner, Reflector } from '@nestjs/core';
import { ACCESS_POLICY, AccessPolicy } from '../src/common/access/access-policy';
import { AccessGuard } from '../src/common/access/access.guard';
import { startTestApp, TestApp } from './test-app';

const RESOLVER_TYPE = 'graphql:resolver_type';
const RESOLVER_NAME = 'graphql:resolver_name';

/**
 * Every query and mutation declares who may call it (DESIGN.md non-negotiable). This test
 * reads the access policy of each resolver method and fails on a Query/Mutation field that
 * has none — so a new resolver cannot ship unguarded.
 */
describe('access policy on every resolver', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('covers every Query and Mutation field of the schema', () => {
    const reflector = t.app.get(Reflector);
    const scanner = new MetadataScanner();
    const container = (
      t.app as unknown as {
        container: {
          getModules(): Map<
            string,
            { providers: Map<unknown, { instance: unknown; metatype: unknown }> }
          >;
        };
      }
    ).container;
    const policies = new Map<string, AccessPolicy | undefined>();
    for (const module of container.getModules().values()) {
      for (const wrapper of module.providers.values()) {
        const instance = wrapper.instance as Record<string, unknown> | null;
        if (!instance || typeof instance !== 'object') continue;
        const prototype = Object.getPrototypeOf(instance);
        for (const method of scanner.getAllMethodNames(prototype)) {
          const handler = prototype[method];
          const type = Reflect.getMetadata(RESOLVER_TYPE, handler) as string | undefined;
          if (type !== 'Query' && type !== 'Mutation') continue;
          const name =
            (Reflect.getMetadata(RESOLVER_NAME, handler) as string | undefined) ?? method;
          policies.set(
            `${type}.${name}`,
            reflector.getAllAndOverride<AccessPolicy>(ACCESS_POLICY, [
              handler,
              prototype.constructor,
            ]),
          );
        }
      }
    }
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const fields = [
      ...Object.keys(schema.getQueryType()!.getFields()).map((f) => `Query.${f}`),
      ...Object.keys(schema.getMutationType()!.getFields()).map((f) => `Mutation.${f}`),
    ];
    const unguarded = fields.filter((f) => !policies.get(f));
    expect(unguarded).toEqual([]);
    expect(fields.length).toBeGreaterThan(20);
  });

  it('fails closed: the guard refuses a handler without a policy', async () => {
    const sessions = { viewerFromRequest: async () => null };
    const instance = new AccessGuard(
      t.app.get(Reflector),
      sessions as never,
      {} as never,
      t.config,
    );
    const context = {
      getHandler: () =>
        function unguarded() {
          return undefined;
        },
      getClass: () => class NoPolicy {},
      getType: () => 'http',
      switchToHttp: () => ({ getRequest: () => ({ viewer: null, headers: {} }) }),
    };
    await expect(instance.canActivate(context as never)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
