import { createHash } from 'node:crypto';

/**
 * The sim's image registry. Fly resolves a tag to a digest when a Machine is created and reports it in
 * `image_ref`; here any `repo:tag` resolves to `sha256(<reference>)`, which is stable across runs and apps.
 * A reference pinned by digest (`repo@sha256:…`) is accepted only when that digest has been resolved before,
 * as a registry only serves manifests it holds; that is what makes promoting a staging digest to
 * production testable, and a typo'd digest fail like a real pull.
 *
 * "The image" a Machine runs is selected by the ORIGINAL tagged reference behind the digest:
 * - contains `crash`          → exits (code 1) shortly after boot: a crash loop under the restart policy;
 * - contains `never-healthy`  → serves, but health/check paths answer 500 forever;
 * - contains `slow`           → waits ~2.5 s (× timeScale) before it listens;
 * - contains `laggy`          → healthy (checks pass quickly) but every request except its health checks takes ~250 ms:
 *                                 a release that deploys fine and then breaches its latency SLO;
 * - contains `release-fail`   → healthy as an app, exits 1 when run as a release command;
 * - anything else             → healthy: every path answers 200 with a JSON body naming image and version.
 */
export interface ImageRef {
  registry: string;
  repository: string;
  tag: string;
  digest: string;
  labels: Record<string, string>;
}

export interface ResolvedImage {
  imageRef: ImageRef;
  /** The tagged reference the digest was first resolved from; its words select the behaviour. */
  source: string;
}

export type ImageBehaviour = 'crash' | 'never-healthy' | 'slow' | 'laggy' | 'release-fail' | 'healthy';

export function behaviourOf(reference: string): ImageBehaviour {
  const text = reference.toLowerCase();
  if (text.includes('never-healthy')) return 'never-healthy';
  if (text.includes('release-fail')) return 'release-fail';
  if (text.includes('crash')) return 'crash';
  if (text.includes('slow')) return 'slow';
  if (text.includes('laggy')) return 'laggy';
  return 'healthy';
}

interface Parsed {
  registry: string;
  repository: string;
  tag: string;
  digest?: string;
}

export function parseReference(reference: string): Parsed | undefined {
  const text = reference.trim();
  if (!text || /\s/.test(text)) return undefined;
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!/^sha256:[0-9a-f]{64}$/.test(digest)) return undefined;
  }
  let tag = '';
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  if (!rest) return undefined;
  const parts = rest.split('/');
  let registry = 'docker.io';
  if (parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost')) {
    registry = parts.shift() as string;
  }
  let repository = parts.join('/');
  if (registry === 'docker.io' && !repository.includes('/')) repository = `library/${repository}`;
  if (!/^[a-z0-9]+([._/-][a-z0-9]+)*$/.test(repository)) return undefined;
  if (!tag && !digest) tag = 'latest';
  return { registry, repository, tag, digest };
}

export class ImageRegistry {
  private readonly byDigest = new Map<string, { source: string; parsed: Parsed }>();
  private readonly pulled = new Set<string>();

  /** True the first time a digest is run: the pull makes that Machine sit in `created` longer. */
  firstPull(digest: string): boolean {
    if (this.pulled.has(digest)) return false;
    this.pulled.add(digest);
    return true;
  }

  digestOf(reference: string): string {
    return `sha256:${createHash('sha256').update(reference.trim()).digest('hex')}`;
  }

  /** Resolves a reference as a pull would, or returns the error text the API gives. */
  resolve(reference: string): ResolvedImage | { error: string } {
    const parsed = parseReference(reference);
    if (!parsed)
      return {
        error: `invalid image reference "${reference}": expected registry/repository:tag or repository@sha256:<digest>`,
      };
    if (parsed.digest) {
      const known = this.byDigest.get(parsed.digest);
      if (!known) {
        return {
          error: `failed to get manifest ${reference}: manifest unknown: the registry has no image with digest ${parsed.digest}`,
        };
      }
      return {
        source: known.source,
        imageRef: {
          registry: parsed.registry,
          repository: parsed.repository,
          tag: parsed.tag || known.parsed.tag,
          digest: parsed.digest,
          labels: {},
        },
      };
    }
    const digest = this.digestOf(reference);
    if (!this.byDigest.has(digest)) this.byDigest.set(digest, { source: reference.trim(), parsed });
    return {
      source: reference.trim(),
      imageRef: {
        registry: parsed.registry,
        repository: parsed.repository,
        tag: parsed.tag,
        digest,
        labels: {},
      },
    };
  }
}
