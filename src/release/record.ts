import { errorMessage } from '../core/errors.js';
import type { InputReader } from '../core/inputs.js';
import { registerSecret, scrub } from '../core/secrets.js';
import {
  finishDeployment,
  isDigestRef,
  startDeployment,
  type RecordedRelease,
} from '../github/deployments.js';
import { statusOf } from '../github/client.js';
import type { DeployResult } from '../fly/deploy.js';
import type { FlyToml } from '../fly/fly-toml.js';
import { releaseConfigOf } from '../fly/release-record.js';
import type { MachineConfig } from '../fly/types.js';

export interface RecordTarget {
  token: string;
  repository: string;
  apiUrl?: string;
  /** The commit being deployed (GITHUB_SHA). */
  ref: string;
  environment: string;
  app: string;
  strategy: string;
  /** The config per process group and release_command this deploy applies, kept on the payload. */
  release?: RecordedRelease;
}

/**
 * The GitHub Deployment for one deploy. Its payload must carry a digest (promotion redeploys exactly
 * what staging ran), so when the input image is a tag the record is opened once Fly has told us the
 * digest; when it is already a digest the record goes `in_progress` before anything changes. Recording
 * is a courtesy to reviewers: a GitHub error is reported as a warning and never fails a deploy that worked.
 */
export class DeploymentRecorder {
  private id?: number;

  constructor(
    private readonly target: RecordTarget,
    private readonly warn: (line: string) => void,
  ) {}

  get deploymentId(): number | undefined {
    return this.id;
  }

  async begin(image: string): Promise<void> {
    if (!isDigestRef(image)) return;
    await this.open(image);
  }

  /** Closes the record with the deploy's outcome; `failedGate` marks a deploy rolled back after a probe breach. */
  async finish(result: DeployResult, description?: string): Promise<void> {
    const image = result.status === 'deployed' ? result.image : result.requestedImage;
    if (this.id === undefined) {
      const digestRef = isDigestRef(image) ? image : isDigestRef(result.image) ? result.image : undefined;
      if (!digestRef) {
        this.warn(`no GitHub deployment recorded: Fly reported no digest for ${image}.`);
        return;
      }
      await this.open(digestRef, result.releaseVersion);
      if (this.id === undefined) return;
    }
    try {
      await finishDeployment(this.id, {
        token: this.target.token,
        repository: this.target.repository,
        apiUrl: this.target.apiUrl,
        state: result.status === 'deployed' ? 'success' : 'failure',
        environmentUrl: result.url,
        description:
          description ??
          (result.status === 'deployed'
            ? `Deployed release v${result.releaseVersion}`
            : `${result.status}: ${result.reason ?? ''}`),
      });
    } catch (error) {
      this.warn(
        scrub(`could not finish GitHub deployment ${this.id}${answered(error)}: ${errorMessage(error)}`),
      );
    }
  }

  private async open(image: string, releaseVersion?: number): Promise<void> {
    try {
      const { id } = await startDeployment({
        token: this.target.token,
        repository: this.target.repository,
        apiUrl: this.target.apiUrl,
        ref: this.target.ref,
        environment: this.target.environment,
        payload: {
          app: this.target.app,
          image,
          strategy: this.target.strategy,
          ...(releaseVersion ? { releaseVersion } : {}),
          ...(this.target.release ? { release: this.target.release } : {}),
        },
      });
      this.id = id;
    } catch (error) {
      this.warn(scrub(`could not record a GitHub deployment${answered(error)}: ${errorMessage(error)}`));
    }
  }
}

/**
 * Where to record, from the `github-token` and `record-deployment` inputs both deploying actions share and
 * the variables the runner sets. Recording is on when there is a token and a repository to record in
 * (always true on a runner).
 */
export function recordTargetFromInputs(
  inputs: InputReader,
  deploy: {
    environment?: string;
    app: string;
    strategy: string;
    toml?: FlyToml;
    restoreConfig?: Record<string, MachineConfig>;
  },
  env: NodeJS.ProcessEnv,
): RecordTarget | undefined {
  const token = inputs.optional('github-token');
  registerSecret(token);
  if (!inputs.bool('record-deployment', true) || !token || !env.GITHUB_REPOSITORY) return undefined;
  return {
    token,
    repository: env.GITHUB_REPOSITORY,
    apiUrl: env.GITHUB_API_URL,
    ref: env.GITHUB_SHA || env.GITHUB_REF_NAME || 'main',
    environment: deploy.environment || 'production',
    app: deploy.app,
    strategy: deploy.strategy,
    ...recordedRelease(deploy),
  };
}

/** A restore records the config it put back (its release_command was not run); a deploy, fly.toml's. */
function recordedRelease(deploy: { toml?: FlyToml; restoreConfig?: Record<string, MachineConfig> }): {
  release?: RecordedRelease;
} {
  if (deploy.restoreConfig) return { release: { configs: deploy.restoreConfig } };
  if (!deploy.toml) return {};
  return { release: releaseConfigOf(deploy.toml) as RecordedRelease };
}

/** ` (GitHub answered HTTP 500)` when the error carries GitHub's status: the body alone may not say. */
function answered(error: unknown): string {
  const status = statusOf(error) ?? statusOf((error as { cause?: unknown })?.cause);
  return status === undefined ? '' : ` (GitHub answered HTTP ${status})`;
}
