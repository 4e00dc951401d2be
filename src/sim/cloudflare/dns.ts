import * as packet from 'dns-packet';
import type { SimRecord, SimZone } from './store.js';

/** Cloudflare edge addresses a proxied record answers with (the real edge answers from its anycast ranges). */
export const EDGE = {
  A: ['104.16.132.229', '104.16.133.229'],
  AAAA: ['2606:4700::6810:84e5', '2606:4700::6810:85e5'],
};

const servedTtl = (ttl: number) => (ttl === 1 ? 300 : ttl);

/** The zone a name falls in: the longest zone name that is the name or one of its parents. */
function zoneOf(qname: string, zones: SimZone[]): SimZone | undefined {
  return zones
    .filter((z) => qname === z.name || qname.endsWith(`.${z.name}`))
    .sort((a, b) => b.name.length - a.name.length)[0];
}

function soaOf(zone: SimZone): packet.Answer {
  return {
    name: zone.name,
    type: 'SOA',
    ttl: 1800,
    data: {
      mname: zone.name_servers[0] ?? `ns1.${zone.name}`,
      rname: `dns.cloudflare.com`,
      serial: Math.floor(Date.now() / 1000),
      refresh: 10000,
      retry: 2400,
      expire: 604800,
      minimum: 30,
    },
  };
}

const answer = (r: { name: string; type: string; ttl: number; data: string }) => r as packet.Answer;

/**
 * The answers for a name inside the zone: edge addresses for a proxied name, a CNAME chain followed
 * while it stays in the zone (at most eight hops), else the records of the asked type. MX, SRV and CAA
 * are held but not served.
 */
function chase(zone: SimZone, records: SimRecord[], qname: string, qtype: string): packet.Answer[] {
  const answers: packet.Answer[] = [];
  let name = qname;
  for (let hop = 0; hop < 8; hop++) {
    const here = records.filter((r) => r.name === name);
    if (here.some((r) => r.proxied) && (qtype === 'A' || qtype === 'AAAA')) {
      for (const ip of EDGE[qtype]) answers.push(answer({ name, type: qtype, ttl: 300, data: ip }));
      break;
    }
    const cname = here.find((r) => r.type === 'CNAME' && !r.proxied);
    if (cname && qtype !== 'CNAME') {
      answers.push(answer({ name, type: 'CNAME', ttl: servedTtl(cname.ttl), data: cname.content }));
      const next = cname.content;
      if (!(next === zone.name || next.endsWith(`.${zone.name}`))) break;
      name = next;
      continue;
    }
    for (const r of here.filter((rec) => rec.type === qtype && !rec.proxied)) {
      if (r.type === 'MX' || r.type === 'SRV' || r.type === 'CAA') continue;
      answers.push(answer({ name, type: r.type, ttl: servedTtl(r.ttl), data: r.content }));
    }
    break;
  }
  return answers;
}

/**
 * Answers one DNS question authoritatively from the records the edge currently serves: CNAMEs
 * answered for any type (and chased inside the zone), proxied names answered with edge addresses,
 * NXDOMAIN and NODATA with the SOA in authority, REFUSED outside our zones.
 */
export function answerQuery(query: Buffer, zones: SimZone[], served: (zone: SimZone) => SimRecord[]): Buffer {
  let request: packet.Packet;
  try {
    request = packet.decode(query);
  } catch {
    return Buffer.alloc(0);
  }
  const reply = (
    rcode: number,
    answers: packet.Answer[] = [],
    authorities: packet.Answer[] = [],
    aa = true,
  ) =>
    packet.encode({
      type: 'response',
      id: request.id,
      flags:
        (aa ? packet.AUTHORITATIVE_ANSWER : 0) | ((request.flags ?? 0) & packet.RECURSION_DESIRED) | rcode,
      questions: request.questions,
      answers,
      authorities,
    });
  const question = request.questions?.[0];
  if (!question) return reply(1, [], [], false);
  const qname = question.name.replace(/\.$/, '').toLowerCase();
  const zone = zoneOf(qname, zones);
  if (!zone) return reply(5, [], [], false);
  const soa = soaOf(zone);
  if (qname === zone.name && question.type === 'SOA') return reply(0, [soa]);
  if (qname === zone.name && question.type === 'NS')
    return reply(
      0,
      zone.name_servers.map((ns) => answer({ name: zone.name, type: 'NS', ttl: 86400, data: ns })),
    );
  const records = served(zone);
  const answers = chase(zone, records, qname, question.type);
  if (answers.length) return reply(0, answers);
  const exists = records.some((r) => r.name === qname || r.name.endsWith(`.${qname}`)) || qname === zone.name;
  return reply(exists ? 0 : 3, [], [soa]);
}
