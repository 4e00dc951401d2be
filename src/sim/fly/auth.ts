import { randomBytes } from 'node:crypto';
import { FlyError } from './errors.js';
import type { AppState, TokenInfo } from './state.js';

/** The tokens the sim accepts: the org token it was started with, and deploy tokens it issued. */
export class Tokens {
  private readonly known = new Map<string, TokenInfo>();

  constructor(orgToken: string) {
    this.known.set(orgToken, { owner: 'runway-sim@example.com' });
  }

  /** `Bearer x`, `FlyV1 x` or a comma-separated macaroon bundle, as flyctl sends them. */
  authenticate(header: string | undefined): TokenInfo {
    const match = /^\s*(bearer|flyv1)\s+(.+)$/i.exec(header ?? '');
    if (match) {
      for (const piece of match[2].split(',')) {
        const info = this.known.get(piece.trim().replace(/^(flyv1|bearer)\s+/i, ''));
        if (info) return info;
      }
    }
    throw new FlyError(401, 'Authenticate: token validation error');
  }

  /** A deploy token may only touch its own app. */
  authorize(token: TokenInfo, app: string): void {
    if (token.apps && !token.apps.has(app))
      throw new FlyError(401, 'unauthorized: token is not allowed to access this app');
  }

  canSee(token: TokenInfo, app: AppState): boolean {
    return !token.apps || token.apps.has(app.name);
  }

  issueDeployToken(app: string): string {
    const token = `fm2_${randomBytes(24).toString('base64url')}`;
    this.known.set(token, {
      owner: `${randomBytes(6).toString('hex')}@tokens.fly.io`,
      apps: new Set([app]),
    });
    return `FlyV1 ${token}`;
  }
}
