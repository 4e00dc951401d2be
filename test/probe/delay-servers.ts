import { afterAll } from '@jest/globals';
import {
  selfSignedCertificate,
  startDelayServer,
  type DelayServer,
  type DelayServerOptions,
} from '../../src/sim/http/delay-server.js';

/**
 * Delay servers a test file starts as it goes, every one closed after its last test, with one self-signed
 * certificate for those that speak TLS (removed then too).
 */
export function useDelayServers() {
  const servers: DelayServer[] = [];
  const cert = selfSignedCertificate();
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    cert.cleanup();
  });
  return {
    cert,
    async start(options: DelayServerOptions): Promise<DelayServer> {
      const s = await startDelayServer(options);
      servers.push(s);
      return s;
    },
  };
}
