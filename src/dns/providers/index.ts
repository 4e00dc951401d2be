import type { DnsProvider, ProviderConfig, ProviderName } from '../provider.js';

/** Adding a provider: write providers/<name>.ts exporting a factory, and name it here. */
const LOADERS: Record<ProviderName, () => Promise<(config: ProviderConfig) => DnsProvider>> = {
  cloudflare: async () => (await import('./cloudflare.js')).cloudflareProvider,
  route53: async () => (await import('./route53.js')).route53Provider,
  powerdns: async () => (await import('./powerdns.js')).powerdnsProvider,
};

export async function createProvider(name: ProviderName, config: ProviderConfig): Promise<DnsProvider> {
  return (await LOADERS[name]())(config);
}
