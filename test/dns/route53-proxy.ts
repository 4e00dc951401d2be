import http from 'node:http';

export interface ProxiedCall {
  method: string;
  path: string;
  status: number;
}

/**
 * A recording proxy in front of moto_server's Route 53. moto applies every change at once and answers
 * INSYNC, so to exercise the wait the proxy can rewrite a change to PENDING (the real Route 53's first
 * answer), keep one change PENDING forever, or deny GetChange for it as an IAM policy without
 * route53:GetChange would.
 */
export interface Route53Proxy {
  endpoint: string;
  calls(): ProxiedCall[];
  /** ChangeResourceRecordSets requests seen so far. */
  changeBatches(): number;
  getChanges(): number;
  /** What happens to the next change batch (later ones answer PENDING first, then INSYNC). */
  nextChange(fate: 'pending-forever' | 'deny-get-change' | 'normal'): void;
  close(): Promise<void>;
}

const CHANGE_ID = /<Id>\/change\/([^<]+)<\/Id>/;

export async function startRoute53Proxy(upstream: string): Promise<Route53Proxy> {
  const target = new URL(upstream);
  const calls: ProxiedCall[] = [];
  let minted = 0;
  let fate: 'pending-forever' | 'deny-get-change' | 'normal' = 'normal';
  const stuck = new Map<string, 'pending-forever' | 'deny-get-change'>();

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      const method = req.method ?? 'GET';
      const isBatch = method === 'POST' && /\/hostedzone\/[^/]+\/rrset\/?$/.test(path);
      const getChange = /\/change\/([^/?]+)/.exec(path);
      const answer = (status: number, body: string, headers: http.OutgoingHttpHeaders = {}) => {
        calls.push({ method, path, status });
        res.writeHead(status, { ...headers, 'content-length': Buffer.byteLength(body) }).end(body);
      };
      // moto names every change the same; the proxy mints its own ids so each can have its own fate.
      if (getChange && /^PX\d+$/.test(getChange[1])) {
        const id = getChange[1];
        if (stuck.get(id) !== 'deny-get-change') {
          const status = stuck.get(id) === 'pending-forever' ? 'PENDING' : 'INSYNC';
          return answer(
            200,
            `<?xml version="1.0" encoding="UTF-8"?><GetChangeResponse xmlns="https://route53.amazonaws.com/doc/2013-04-01/"><ChangeInfo><Id>/change/${id}</Id><Status>${status}</Status><SubmittedAt>${new Date().toISOString()}</SubmittedAt></ChangeInfo></GetChangeResponse>`,
            { 'content-type': 'text/xml' },
          );
        }
        return answer(
          403,
          '<?xml version="1.0"?><ErrorResponse xmlns="https://route53.amazonaws.com/doc/2013-04-01/"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: arn:aws:sts::123456789012:assumed-role/deploy is not authorized to perform: route53:GetChange</Message></Error><RequestId>proxy</RequestId></ErrorResponse>',
          { 'content-type': 'text/xml' },
        );
      }
      const upstreamReq = http.request(
        {
          host: target.hostname,
          port: target.port,
          method,
          path,
          headers: req.headers,
        },
        (up) => {
          const body: Buffer[] = [];
          up.on('data', (c: Buffer) => body.push(c));
          up.on('end', () => {
            let text = Buffer.concat(body).toString('utf8');
            const headers = { ...up.headers };
            delete headers['content-length'];
            delete headers['transfer-encoding'];
            if (isBatch && (up.statusCode ?? 0) < 300) {
              const id = `PX${++minted}`;
              if (fate !== 'normal') stuck.set(id, fate);
              fate = 'normal';
              text = text
                .replace(CHANGE_ID, `<Id>/change/${id}</Id>`)
                .replace('<Status>INSYNC</Status>', '<Status>PENDING</Status>');
            }
            answer(up.statusCode ?? 502, text, headers);
          });
        },
      );
      upstreamReq.on('error', (error) => answer(502, error.message));
      upstreamReq.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls: () => [...calls],
    changeBatches: () =>
      calls.filter((c) => c.method === 'POST' && /\/hostedzone\/[^/]+\/rrset\/?$/.test(c.path)).length,
    getChanges: () => calls.filter((c) => /\/change\//.test(c.path)).length,
    nextChange: (next) => void (fate = next),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
