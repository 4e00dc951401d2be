import type { Change, HostedZone, ResourceRecordSet, Route53Client } from '@aws-sdk/client-route-53';
import { UserError } from '../../core/errors.js';
import { redactUrl } from '../../core/secrets.js';
import { sleep } from '../../core/retry.js';
import type { ChangePlan } from '../plan.js';
import type { ApplyReceipt, DnsProvider, ProviderConfig, ZoneInfo } from '../provider.js';
import { normalizeValue, stripDot, withDot, type CutoverType, type RecordSet } from '../records.js';
import { isCutoverType, wireValue } from './common.js';

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
  return new Route53Provider(config);
}

class Route53Provider implements DnsProvider {
  readonly name = 'route53' as const;
  private sdk?: Sdk;
  private client?: Route53Client;
  private zoneCache?: ZoneInfo;

  constructor(private readonly config: ProviderConfig) {}

  async zone(): Promise<ZoneInfo> {
    if (this.zoneCache) return this.zoneCache;
    const name = stripDot(this.config.zone);
    const listed = await this.send((s, c) =>
      c.send(new s.ListHostedZonesByNameCommand({ DNSName: withDot(name), MaxItems: 10 })),
    );
    const id = publicZoneId(listed.HostedZones ?? [], name);
    const detail = await this.send((s, c) => c.send(new s.GetHostedZoneCommand({ Id: id })));
    this.zoneCache = { name, id, nameservers: (detail.DelegationSet?.NameServers ?? []).map(stripDot) };
    return this.zoneCache;
  }

  async read(name: string): Promise<RecordSet[]> {
    const { id } = await this.zone();
    const listed = await this.send((s, c) =>
      c.send(
        new s.ListResourceRecordSetsCommand({
          HostedZoneId: id,
          StartRecordName: withDot(name),
          MaxItems: 20,
        }),
      ),
    );
    return (listed.ResourceRecordSets ?? [])
      .filter((rrset) => unescape(rrset.Name ?? '') === stripDot(name) && isCutoverType(rrset.Type ?? ''))
      .map((rrset) => toRecordSet(name, rrset));
  }

  async apply(plan: ChangePlan): Promise<ApplyReceipt> {
    const { id } = await this.zone();
    const response = await this.send((s, c) =>
      c.send(
        new s.ChangeResourceRecordSetsCommand({
          HostedZoneId: id,
          ChangeBatch: { Comment: 'runway dns-cutover', Changes: changeBatch(plan) },
        }),
      ),
    );
    return this.waitInSync(Date.now(), response.ChangeInfo?.Id ?? '', response.ChangeInfo?.Status);
  }

  /**
   * Polls GetChange, backing off from 0.5 s to 5 s, until Route 53 says INSYNC or `syncTimeoutMs` passes.
   * The change was accepted either way, so a timeout or a failed status check comes back as `syncError`
   * (the caller treats it as changed and rolls back), never as "not applied".
   */
  private async waitInSync(acceptedAt: number, changeId: string, first?: string): Promise<ApplyReceipt> {
    const deadline = acceptedAt + (this.config.syncTimeoutMs ?? 300_000);
    let status = first;
    let requests = 1;
    let delay = 500;
    while (status !== 'INSYNC') {
      if (Date.now() > deadline) {
        const waited = Math.round((Date.now() - acceptedAt) / 1000);
        const syncError = `Route 53 change ${changeId} was still ${status} after ${waited}s`;
        return { acceptedAt, changeId, requests, syncError };
      }
      await sleep(delay);
      delay = Math.min(delay * 2, 5000);
      let got;
      try {
        got = await this.send((s, c) => c.send(new s.GetChangeCommand({ Id: changeId })));
      } catch (error) {
        const why = (error as Error).message.replace(/\.$/, '');
        const syncError = `Route 53 accepted change ${changeId} but asking whether it is INSYNC failed (${why}; the role needs route53:GetChange)`;
        return { acceptedAt, changeId, requests, syncError };
      }
      requests++;
      status = got.ChangeInfo?.Status;
      this.config.log?.(`Route 53 change ${changeId}: ${status}`);
    }
    return { acceptedAt, inSyncAt: Date.now(), changeId, requests };
  }

  /** One SDK call, not started past the run's deadline, observed like an HTTP call, its failure in the user's terms. */
  private async send<T>(fn: (s: Sdk, c: Route53Client) => Promise<T>): Promise<T> {
    const { sdk, client } = await this.connect();
    const { deadline, onCall } = this.config;
    if (deadline?.expired()) throw new Error(`Route 53 was not asked: ${deadline.label} had passed`);
    const started = Date.now();
    try {
      const result = await fn(sdk, client);
      onCall?.({ method: 'POST', path: 'route53', status: 200, ms: Date.now() - started, attempt: 0 });
      return result;
    } catch (error) {
      throw route53Failure(error, this.config);
    }
  }

  private async connect(): Promise<{ sdk: Sdk; client: Route53Client }> {
    if (!this.sdk || !this.client) {
      this.sdk = await import('@aws-sdk/client-route-53');
      this.client = new this.sdk.Route53Client({
        region: process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1',
        ...(this.config.apiUrl ? { endpoint: this.config.apiUrl } : {}),
        maxAttempts: 3,
        // Bounded waits: a Route 53 endpoint that never answers costs at most 3 × 20 s, not forever.
        requestHandler: { connectionTimeout: 10_000, requestTimeout: 20_000 },
      });
    }
    return { sdk: this.sdk, client: this.client };
  }
}

/** The id of the hosted zone called `name`, the public one where a private zone has the same name. */
function publicZoneId(zones: HostedZone[], name: string): string {
  const named = zones.filter((z) => unescape(z.Name ?? '') === name);
  const zone = named.find((z) => !z.Config?.PrivateZone) ?? named[0];
  if (!zone?.Id) {
    throw new UserError(`hosted zone ${name} was not found in Route 53 for these credentials.`, {
      input: 'zone',
      fix: 'check the zone name and the AWS account.',
    });
  }
  return zone.Id.replace(/^\/hostedzone\//, '');
}

/** A simple rrset as the cutover sees it; the rrset itself is kept, because a DELETE must repeat it exactly. */
function toRecordSet(name: string, rrset: ResourceRecordSet): RecordSet {
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
  return {
    name: stripDot(name),
    type,
    ttl: rrset.TTL ?? 60,
    values,
    providerData: { rrset, alias: Boolean(rrset.AliasTarget) },
  };
}

/** The plan as one ChangeBatch: deletes first, then an UPSERT where a set is replaced and a CREATE where it is new. */
function changeBatch(plan: ChangePlan): Change[] {
  // DELETE must repeat the record exactly as Route 53 holds it, so the read-back copy is used.
  const original = (set: RecordSet): ResourceRecordSet | undefined =>
    (set.providerData as { rrset?: ResourceRecordSet } | undefined)?.rrset;
  const simple = (set: RecordSet): ResourceRecordSet => ({
    Name: withDot(set.name),
    Type: set.type,
    TTL: set.ttl,
    ResourceRecords: set.values.map((v) => ({ Value: wireValue(set, v) })),
  });
  return [
    ...plan.deletes.map((set) => ({
      Action: 'DELETE' as const,
      ResourceRecordSet: original(set) ?? simple(set),
    })),
    ...plan.upserts.map(({ from, to }) => ({
      Action: from ? ('UPSERT' as const) : ('CREATE' as const),
      ResourceRecordSet: original(to) ?? simple(to),
    })),
  ];
}

/** An SDK failure in the user's terms: credentials and a missing zone are theirs to fix; anything else names the server. */
function route53Failure(error: unknown, config: ProviderConfig): Error {
  const name = (error as { name?: string }).name ?? '';
  const message = (error as Error).message;
  if (CREDENTIAL_ERRORS.has(name)) {
    return new UserError(`Route 53 rejected the AWS credentials (${name}: ${message}).`, {
      fix: 'configure credentials for a role allowed route53:ChangeResourceRecordSets, e.g. with aws-actions/configure-aws-credentials.',
    });
  }
  if (name === 'NoSuchHostedZone') {
    return new UserError(`hosted zone for ${stripDot(config.zone)} was not found in Route 53.`, {
      input: 'zone',
      fix: 'check the zone name.',
    });
  }
  // Named, so a message says which server failed (an HTML page or a timeout reads as a parse error otherwise).
  const where = `Route 53${config.apiUrl ? ` at ${redactUrl(config.apiUrl)}` : ''}`;
  return Object.assign(new Error(`${where} failed: ${message}`, { cause: error }), { name });
}

export default route53Provider;
