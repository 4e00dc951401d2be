import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ChangeResourceRecordSetsCommand,
  CreateHostedZoneCommand,
  ListResourceRecordSetsCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { startMotoRoute53 } from '../dns/moto.js';
import { startRoute53Proxy, type Route53Proxy } from '../dns/route53-proxy.js';
import { cutoverRunner, startTargets, type Targets } from './dns-cutover-fixture.js';

/**
 * The bundle against Route 53 as moto_server implements it. moto answers no DNS, so verification is
 * the API read-back after INSYNC (nameservers: none), which is what these tests pin down.
 */
describe('dns-cutover bundle against Route 53 (moto_server)', () => {
  let moto: Awaited<ReturnType<typeof startMotoRoute53>>;
  let proxy: Route53Proxy;
  let client: Route53Client;
  let zoneId: string;
  let targets: Targets;
  const zone = 'shop.test';
  const name = 'api.shop.test';

  const run = cutoverRunner(() => ({
    inputs: {
      provider: 'route53',
      'api-url': proxy.endpoint,
      zone,
      name,
      nameservers: 'none',
      'verify-timeout': '20s',
    },
    env: { ...moto.env, NODE_EXTRA_CA_CERTS: targets.ca.caFile },
  }));
  const records = async () => {
    const listed = await client.send(new ListResourceRecordSetsCommand({ HostedZoneId: zoneId }));
    return (listed.ResourceRecordSets ?? [])
      .filter((r) => r.Name === `${name}.`)
      .map((r) => ({
        type: r.Type,
        ttl: r.TTL,
        values: (r.ResourceRecords ?? []).map((v) => v.Value),
        alias: r.AliasTarget?.DNSName,
      }));
  };

  beforeAll(async () => {
    moto = await startMotoRoute53();
    proxy = await startRoute53Proxy(moto.endpoint);
    targets = await startTargets([name], 502);
    client = new Route53Client({
      endpoint: moto.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    });
    const created = await client.send(
      new CreateHostedZoneCommand({ Name: zone, CallerReference: `t-${Date.now()}` }),
    );
    zoneId = created.HostedZone!.Id!.replace('/hostedzone/', '');
    await client.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        ChangeBatch: {
          Changes: [
            {
              Action: 'CREATE',
              ResourceRecordSet: {
                Name: `${name}.`,
                Type: 'CNAME',
                TTL: 300,
                ResourceRecords: [{ Value: 'old-alb.elb.amazonaws.com' }],
              },
            },
          ],
        },
      }),
    );
  }, 60_000);

  afterAll(async () => {
    await Promise.all([moto?.stop(), proxy?.close(), targets?.close()]);
    client?.destroy();
  });

  it('plans, applies CNAME→A+AAAA in one change batch, re-applies as a no-op, and rolls back from previous', async () => {
    const plan = await run({ mode: 'plan', target: 'A=127.0.0.1,AAAA=::1' });
    expect(plan.exitCode).toBe(0);
    expect(plan.outputs.status).toBe('planned');
    expect(await records()).toEqual([
      { type: 'CNAME', ttl: 300, values: ['old-alb.elb.amazonaws.com'], alias: undefined },
    ]);

    expect(proxy.changeBatches()).toBe(0);
    const apply = await run({
      mode: 'apply',
      target: 'A=127.0.0.1,AAAA=::1',
      'connect-to': `:${targets.fly.port}`,
      'health-url': `https://${name}/health`,
    });
    expect(apply.log).not.toMatch(/failed unexpectedly/);
    expect(apply.exitCode).toBe(0);
    expect(apply.outputs).toMatchObject({ status: 'applied', changed: 'true', propagated: 'true' });
    // One ChangeResourceRecordSets for the delete and both creates; the change first answered PENDING
    // (the proxy says so, as Route 53 does) and the action asked GetChange until INSYNC.
    expect(proxy.changeBatches()).toBe(1);
    expect(proxy.getChanges()).toBeGreaterThanOrEqual(1);
    expect(apply.log).toMatch(/Route 53 change \S+: INSYNC/);
    expect(apply.summary).toMatch(/INSYNC after/);
    expect((await records()).sort((a, b) => String(a.type).localeCompare(String(b.type)))).toEqual([
      { type: 'A', ttl: 60, values: ['127.0.0.1'], alias: undefined },
      { type: 'AAAA', ttl: 60, values: ['::1'], alias: undefined },
    ]);

    const again = await run({
      mode: 'apply',
      target: 'A=127.0.0.1,AAAA=::1',
      'connect-to': `:${targets.fly.port}`,
    });
    expect(again.outputs).toMatchObject({ status: 'unchanged', changed: 'false' });
    expect(proxy.changeBatches()).toBe(1);

    const back = await run({ mode: 'rollback', previous: apply.outputs.previous });
    expect(back.exitCode).toBe(0);
    expect(back.outputs.status).toBe('restored');
    expect(proxy.changeBatches()).toBe(2);
    expect(await records()).toEqual([
      { type: 'CNAME', ttl: 300, values: ['old-alb.elb.amazonaws.com'], alias: undefined },
    ]);
  });

  it('restores the CNAME when the health check fails after the switch', async () => {
    const result = await run({
      mode: 'apply',
      target: 'voice-bot.fly.dev',
      'connect-to': `127.0.0.1:${targets.flaky.port}`,
      'health-url': `https://${name}/health`,
    });
    expect(result.exitCode).toBe(1);
    expect(result.outputs.status).toBe('rolled-back');
    expect(result.annotations.find((a) => a.level === 'error')?.message).toMatch(
      /answered 502.*previous records were put back and verified/,
    );
    expect(await records()).toEqual([
      { type: 'CNAME', ttl: 300, values: ['old-alb.elb.amazonaws.com'], alias: undefined },
    ]);
  });

  it('rolls back a change that stays PENDING past verify-timeout', async () => {
    const batches = proxy.changeBatches();
    proxy.nextChange('pending-forever');
    const result = await run({
      mode: 'apply',
      target: 'voice-bot.fly.dev',
      'tls-check': false,
      'verify-timeout': '2s',
    });
    expect(result.log).not.toMatch(/failed unexpectedly/);
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({ status: 'rolled-back', changed: 'false' });
    expect(result.annotations.find((a) => a.level === 'error')?.message).toMatch(
      /After the change, Route 53 change \S+ was still PENDING after \d+s\. The previous records were put back and verified/,
    );
    expect(proxy.changeBatches() - batches).toBe(2);
    expect(await records()).toEqual([
      { type: 'CNAME', ttl: 300, values: ['old-alb.elb.amazonaws.com'], alias: undefined },
    ]);
  });

  it('rolls back when GetChange is denied after the change was accepted, and writes previous and changed', async () => {
    proxy.nextChange('deny-get-change');
    const result = await run({ mode: 'apply', target: 'voice-bot-v2.fly.dev', 'tls-check': false });
    expect(result.log).not.toMatch(/failed unexpectedly/);
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({ status: 'rolled-back', changed: 'false' });
    expect(JSON.parse(result.outputs.previous).records).toMatchObject([{ type: 'CNAME', ttl: 300 }]);
    expect(result.annotations.find((a) => a.level === 'error')?.message).toMatch(
      /Route 53 accepted change \S+ but asking whether it is INSYNC failed \(.*AccessDenied.*route53:GetChange.*previous records were put back and verified/,
    );
    expect(await records()).toEqual([
      { type: 'CNAME', ttl: 300, values: ['old-alb.elb.amazonaws.com'], alias: undefined },
    ]);
  });

  it('puts an ALB alias back exactly as it was after a cutover to a CNAME', async () => {
    const alias = {
      Name: `www.${zone}.`,
      Type: 'A' as const,
      AliasTarget: {
        HostedZoneId: 'Z35SXDOTRQ7X7K',
        DNSName: 'dualstack.voice-bot-alb-1.us-east-1.elb.amazonaws.com.',
        EvaluateTargetHealth: true,
      },
    };
    await client.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        ChangeBatch: { Changes: [{ Action: 'CREATE', ResourceRecordSet: alias }] },
      }),
    );
    const apply = await run({ name: 'www', mode: 'apply', target: 'voice-bot.fly.dev', 'tls-check': false });
    expect(apply.exitCode).toBe(0);
    expect(JSON.parse(apply.outputs.previous).records[0]).toMatchObject({
      type: 'A',
      values: ['dualstack.voice-bot-alb-1.us-east-1.elb.amazonaws.com'],
    });
    const back = await run({ name: 'www', mode: 'rollback', previous: apply.outputs.previous });
    expect(back.outputs.status).toBe('restored');
    const listed = await client.send(new ListResourceRecordSetsCommand({ HostedZoneId: zoneId }));
    const www = (listed.ResourceRecordSets ?? []).filter((r) => r.Name === `www.${zone}.`);
    expect(www).toHaveLength(1);
    expect(www[0]).toMatchObject({
      Type: 'A',
      AliasTarget: { DNSName: alias.AliasTarget.DNSName, EvaluateTargetHealth: true },
    });
  });

  it('says the hosted zone was not found', async () => {
    const result = await run({
      mode: 'plan',
      zone: 'absent.test',
      name: 'api.absent.test',
      target: 'voice-bot.fly.dev',
    });
    expect(result.exitCode).toBe(1);
    expect(result.annotations[0].message).toMatch(
      /input 'zone': hosted zone absent\.test was not found in Route 53/,
    );
  });
});
