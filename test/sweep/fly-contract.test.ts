import { afterEach, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { FlyApi } from '../../src/fly/client.js';
import { FLY_CONTRACT } from '../../src/fly/contract.js';
import { startHostile, type HostileServer } from '../../src/sim/hostile/index.js';

/** The vendored Fly Machines OpenAPI description (see test/fixtures/fly). */
const spec = JSON.parse(readFileSync('test/fixtures/fly/machines-openapi.json', 'utf8')) as {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>
  >;
  components: { schemas: Record<string, Schema> };
};
interface Schema {
  type?: string;
  $ref?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
}

const resolve = (schema: Schema): Schema =>
  schema.$ref ? spec.components.schemas[schema.$ref.replace('#/components/schemas/', '')] : schema;

describe('the Fly client contract matches the vendored OpenAPI description', () => {
  for (const op of FLY_CONTRACT) {
    it(`${op.method.toUpperCase()} ${op.path}: ${op.array ? 'array of ' : ''}${op.schema} with the fields checked`, () => {
      const response = spec.paths[op.path]?.[op.method]?.responses['200'];
      expect(response).toBeDefined();
      const schema = response!.content!['application/json'].schema;
      const item = op.array ? (expect(schema.type).toBe('array'), schema.items!) : schema;
      expect(item.$ref).toBe(`#/components/schemas/${op.schema}`);
      const properties = resolve(item).properties ?? {};
      for (const [field, shape] of Object.entries(op.fields)) {
        expect([field, properties[field] !== undefined]).toEqual([field, true]);
        const declared = resolve(properties[field]);
        const want = shape.replace('?', '');
        const type = declared.type ?? (declared.properties ? 'object' : undefined);
        expect([field, type === 'integer' ? 'number' : type]).toEqual([field, want]);
      }
    });
  }
});

describe('the Fly client acts on nothing it cannot read', () => {
  let server: HostileServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const api = (url: string) =>
    new FlyApi({
      apiUrl: url,
      token: 'fm2_contracttesttoken',
      app: 'demo',
      retry: { retries: 1, baseMs: 1 },
    });

  it('an HTML page where the Machine list was due is an error naming the service and URL, not "no Machines"', async () => {
    server = await startHostile({ behaviour: 'html-200' });
    const error = (await api(server.url)
      .list()
      .catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(
      /^Fly Machines API at http:\/\/127\.0\.0\.1:\d+\/v1\/apps\/demo\/machines did not answer as expected: wanted a JSON answer .*text\/html.*Sign in/,
    );
  });

  it('a Machine list whose entries lack ids is refused (no later request could carry undefined)', async () => {
    server = await startHostile({ okBody: [{ state: 'started' }] });
    await expect(api(server.url).list()).rejects.toThrow(/wanted Machines\[0\] to have "id" \(string\)/);
  });

  it.each([undefined, '', '../x'])(
    'Machine id %p never reaches a request (no path addresses the collection)',
    async (id) => {
      server = await startHostile({ okBody: {} });
      const client = api(server.url);
      await expect(client.destroy(id as string)).rejects.toThrow(/non-empty, URL-safe Machine id/);
      await expect(client.acquireLease(id as string, 13, 'x')).rejects.toThrow(
        /non-empty, URL-safe Machine id/,
      );
      expect(server.requests).toHaveLength(0);
    },
  );
});
