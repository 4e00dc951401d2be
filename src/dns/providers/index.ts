import type { DnsProvider, ProviderConfig, ProviderFactory } from '../provider.js';

interface RegistryEntry {
  /** The provider's file; it exports its factory as default. Loaded only when used (Route 53 pulls in the AWS SDK). */
  load: () => Promise<{ default: ProviderFactory }>;
  /** Inputs this provider cannot work without, each with the fix the user is told when it is missing. */
  requires: Partial<Record<'api-url' | 'api-token', string>>;
  /** `ttl: 1` means "automatic" here (Cloudflare) rather than being out of range. */
  autoTtl?: boolean;
}

/**
 * The one place providers are named. Adding one: write providers/<name>.ts implementing DnsProvider
 * (export default the factory) and add its entry below; the `provider` input, its error message and
 * the type ProviderName all follow from these keys.
 */
const REGISTRY = {
  cloudflare: {
    load: () => import('./cloudflare.js'),
    requires: { 'api-token': 'pass secrets.CLOUDFLARE_API_TOKEN (DNS Write).' },
    autoTtl: true,
  },
  route53: { load: () => import('./route53.js'), requires: {} },
  powerdns: {
    load: () => import('./powerdns.js'),
    requires: {
      'api-url': 'set it to the PowerDNS web server, e.g. http://127.0.0.1:8081.',
      'api-token': 'pass the PowerDNS api-key.',
    },
  },
} satisfies Record<string, RegistryEntry>;

export type ProviderName = keyof typeof REGISTRY;
export const PROVIDER_NAMES = Object.keys(REGISTRY) as ProviderName[];

export function providerEntry(name: ProviderName): RegistryEntry {
  return REGISTRY[name];
}

export async function createProvider(name: ProviderName, config: ProviderConfig): Promise<DnsProvider> {
  return (await REGISTRY[name].load()).default(config);
}
