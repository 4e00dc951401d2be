import type { ResourceRecordSet, Route53Client } from '@aws-sdk/client-route-53';
import { UserError } from '../../core/errors.js';
import { redactUrl } from '../../core/secrets.js';
import { sleep } from '../../core/retry.js';
import type { ChangePlan } from '../plan.js';
import type { DnsProvider, ProviderConfig, ZoneInfo } from '../provider.js';
import {
  CUTOVER_TYPES,
  normalizeValue,
  stripDot,
  withDot,
  type CutoverType,
  type RecordSet,
} from '../records.js';

type Sdk = typeof import('@aws-sdk/client-route-53');

const CREDENTIAL_ERRORS = new Set([
  'InvalidClientTokenId',
  'SignatureDoesNotMatch',
  'UnrecognizedClientException',
  'AccessDenied',
  'AccessDeniedException',
  'CredentialsProviderError',
  'ExpiredToken',
]);

/** Route 53 escapes `*` and other octets as `\052`; names compare after unescaping. */
const unescape = (name: string) =>
  stripDot(name.replace(/\\(\d{3})/g, (_, oct: string) => String.fromCharCode(parseInt(oct, 8))));

/**
 * Route 53 through the AWS SDK (credentials from the usual chain). The change is one
 * ChangeResourceRecordSets batch, all or nothing; the provider then waits for GetChange to say INSYNC,
 * Route 53's own "every authoritative server has it". The SDK loads only when this provider is used.
 */
export function route53Provider(config: ProviderConfig): DnsProvider {
  let sdk: Sdk | undefined;
  let client: Route53Client | undefined;
  let zoneCache: ZoneInfo | undefined;
  const log = config.log ?? (() => undefined);

  async function connect(): Promise<{ sdk: Sdk; client: Route53Client }> {
    if (!sdk || !client) {
      sdk = await import('@aws-sdk/client-route-53');
      client = new sdk.Route53Client({
        region: process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1',
        ...(config.apiUrl ? { endpoint: config.apiUrl } : {}),
        maxAttempts: 3,
        // Bounded waits: a Route 53 endpoint that never answers costs at most 3 × 20 s, not forever.
        requestHandler: { connectionTimeout: 10_000, requestTimeout: 20_000 },
      });
    }
    return { sdk, client };
  }

  async function send<T>(fn: (s: Sdk, c: Route53Client) => Promise<T>): Promise<T> {
    const { sdk: s, client: c } = await connect();
    if (config.deadline?.expired())
      throw new Error(`Route 53 was not asked: ${config.deadline.label} had passed`);
    const started = Date.now();
    try {
      const result = await fn(s, c);
      config.onCall?.({ method: 'POST', path: 'route53', status: 200, ms: Date.now() - started, attempt: 0 });
      return result;
    } catch (error) {
      const name = (error as { name?: string }).name ?? '';
      const message = (error as Error).message;
      if (CREDENTIAL_ERRORS.has(name)) {
        throw new UserError(`Route 53 rejected the AWS credentials (${name}: ${message}).`, {
          fix: 'configure credentials for a role allowed route53:ChangeResourceRecordSets, e.g. with aws-actions/configure-aws-credentials.',
        });
      }
      if (name === 'NoSuchHostedZone') {
        throw new UserError(`hosted zone for ${stripDot(config.zone)} was not found in Route 53.`, {
          input: 'zone',
          fix: 'check the zone name.',
        });
      }
      // Named, so a message says which server failed (an HTML page or a timeout reads as a parse error otherwise).
      const where = `Route 53${config.apiUrl ? ` at ${redactUrl(config.apiUrl)}` : ''}`;
      throw Object.assign(new Error(`${where} failed: ${message}`, { cause: error }), { name });
    }
  }

  async function zone(): Promise<ZoneInfo> {
    if (zoneCache) return zoneCache;
    const name = stripDot(config.zone);
    const listed = await send((s, c) =>
      c.send(new s.ListHostedZonesByNameCommand({ DNSName: withDot(name), MaxItems: 10 })),
    );
    const match = (listed.HostedZones ?? []).find(
      (z) => unescape(z.Name ?? '') === name && !z.Config?.PrivateZone,
    );
    const any = match ?? (listed.HostedZones ?? []).find((z) => unescape(z.Name ?? '') === name);
    if (!any?.Id) {
      throw new UserError(`hosted zone ${name} was not found in Route 53 for these credentials.`, {
        input: 'zone',
        fix: 'check the zone name and the AWS account.',
      });
    }
    const id = any.Id.replace(/^\/hostedzone\//, '');
    const detail = await send((s, c) => c.send(new s.GetHostedZoneCommand({ Id: id })));
    zoneCache = { name, id, nameservers: (detail.DelegationSet?.NameServers ?? []).map(stripDot) };
    return zoneCache;
  }

  return {
    name: 'route53',
    zone,
    async read(name: string): Promise<RecordSet[]> {
      const { id } = await zone();
      const listed = await send((s, c) =>
        c.send(
          new s.ListResourceRecordSetsCommand({
            HostedZoneId: id,
            StartRecordName: withDot(name),
            MaxItems: 20,
          }),
        ),
      );
      const sets: RecordSet[] = [];
      for (const rrset of listed.ResourceRecordSets ?? []) {
        if (
          unescape(rrset.Name ?? '') !== stripDot(name) ||
          !(CUTOVER_TYPES as readonly string[]).includes(rrset.Type ?? '')
        )
          continue;
        if (rrset.SetIdentifier) {
          throw new UserError(
            `${stripDot(name)} has a ${rrset.Type} record with routing policy (set "${rrset.SetIdentifier}"); this action moves simple records only.`,
            {
              input: 'name',
              fix: 'shift weighted records by hand, or replace them with one simple record first.',
            },
          );
        }
        const type = rrset.Type as CutoverType;
        const values = rrset.AliasTarget
          ? [stripDot(rrset.AliasTarget.DNSName ?? '')]
          : (rrset.ResourceRecords ?? []).map((r) => normalizeValue(type, r.Value ?? ''));
        sets.push({
          name: stripDot(name),
          type,
          ttl: rrset.TTL ?? 60,
          values,
          providerData: { rrset, alias: Boolean(rrset.AliasTarget) },
        });
      }
      return sets;
    },
    async apply(plan: ChangePlan) {
      const { id } = await zone();
      const original = (set: RecordSet): ResourceRecordSet | undefined =>
        (set.providerData as { rrset?: ResourceRecordSet } | undefined)?.rrset;
      const simple = (set: RecordSet): ResourceRecordSet => ({
        Name: withDot(set.name),
        Type: set.type,
        TTL: set.ttl,
        ResourceRecords: set.values.map((v) => ({ Value: set.type === 'CNAME' ? withDot(v) : v })),
      });
      // DELETE must repeat the record exactly as Route 53 holds it, so the read-back copy is used.
      const changes = [
        ...plan.deletes.map((set) => ({
          Action: 'DELETE' as const,
          ResourceRecordSet: original(set) ?? simple(set),
        })),
        ...plan.upserts.map(({ from, to }) => ({
          Action: from ? ('UPSERT' as const) : ('CREATE' as const),
          ResourceRecordSet: original(to) ?? simple(to),
        })),
      ];
      const response = await send((s, c) =>
        c.send(
          new s.ChangeResourceRecordSetsCommand({
            HostedZoneId: id,
            ChangeBatch: { Comment: 'runway dns-cutover', Changes: changes },
          }),
        ),
      );
      const acceptedAt = Date.now();
      const changeId = response.ChangeInfo?.Id ?? '';
      let status = response.ChangeInfo?.Status;
      let requests = 1;
      const deadline = acceptedAt + (config.syncTimeoutMs ?? 300_000);
      let delay = 500;
      while (status !== 'INSYNC') {
        if (Date.now() > deadline) {
          // Accepted, so the caller must treat it as changed (and roll back), not as "not applied".
          const waited = Math.round((Date.now() - acceptedAt) / 1000);
          return {
            acceptedAt,
            changeId,
            requests,
            syncError: `Route 53 change ${changeId} was still ${status} after ${waited}s`,
          };
        }
        await sleep(delay);
        delay = Math.min(delay * 2, 5000);
        let got;
        try {
          got = await send((s, c) => c.send(new s.GetChangeCommand({ Id: changeId })));
        } catch (error) {
          // The change was accepted: a failed status check must not read as "not applied".
          const why = (error as Error).message;
          return {
            acceptedAt,
            changeId,
            requests,
            syncError: `Route 53 accepted change ${changeId} but asking whether it is INSYNC failed (${why.replace(/\.$/, '')}; the role needs route53:GetChange)`,
          };
        }
        requests++;
        status = got.ChangeInfo?.Status;
        log(`Route 53 change ${changeId}: ${status}`);
      }
      return { acceptedAt, inSyncAt: Date.now(), changeId, requests };
    },
  };
}

export default route53Provider;
