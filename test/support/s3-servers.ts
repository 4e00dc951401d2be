import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export {
  freePort,
  hasMoto,
  s3rverObjectFile,
  startMoto,
  startS3rver,
  type LocalS3,
} from '../../src/sim/s3/local-s3.js';

/** One request as the recording proxy saw it. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

/** A fault the proxy injects into the next matching requests (the S3 server itself stays healthy). */
export interface ProxyFault {
  /** Requests it applies to: method, and a substring of the path. */
  method?: string;
  path?: string;
  count: number;
  /** Answer with this status and an S3 error body instead of forwarding. */
  status?: number;
  code?: string;
  message?: string;
  /** Forward, but cut the connection after this many body bytes (a reset mid-download). */
  cutAfterBytes?: number;
}

export interface RecordingProxy {
  endpoint: string;
  seen: SeenRequest[];
  failNext(fault: ProxyFault): void;
  stop(): Promise<void>;
}

/**
 * A pass-through HTTP proxy in front of an S3 server that records every request's method, path and
 * headers, so a test can prove what a client sent on the wire (not what it meant to send), and can
 * inject faults: error statuses, or a connection cut in the middle of a body.
 */
export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const upstream = new URL(target);
  const seen: SeenRequest[] = [];
  const faults: ProxyFault[] = [];
  const takeFault = (method: string, url: string): ProxyFault | undefined => {
    const fault = faults.find(
      (f) => f.count > 0 && (!f.method || f.method === method) && (!f.path || url.includes(f.path)),
    );
    if (fault) fault.count--;
    return fault;
  };
  const server: Server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: { ...req.headers } });
    const fault = takeFault(req.method ?? '', req.url ?? '');
    if (fault?.status) {
      req.resume();
      const code = fault.code ?? 'InternalError';
      res.writeHead(fault.status, { 'content-type': 'application/xml' });
      res.end(
        req.method === 'HEAD'
          ? undefined
          : `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${fault.message ?? `injected ${code}`}</Message></Error>`,
      );
      return;
    }
    const forward = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer: IncomingMessage) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        if (fault?.cutAfterBytes === undefined) {
          answer.pipe(res);
          return;
        }
        let sent = 0;
        answer.on('data', (chunk: Buffer) => {
          const room = fault.cutAfterBytes! - sent;
          if (room <= 0) return;
          res.write(chunk.subarray(0, room));
          sent += Math.min(room, chunk.length);
          if (sent >= fault.cutAfterBytes!) {
            // Cut a moment later, so the client is already reading the body (not still waiting for it).
            answer.destroy();
            setTimeout(() => res.socket?.destroy(), 100);
          }
        });
        answer.on('end', () => res.end());
      },
    );
    forward.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(forward);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    seen,
    failNext: (fault) => void faults.push({ ...fault }),
    stop: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
