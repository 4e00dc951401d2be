import { randomBytes } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Machine ids look like `3d8d413b29d089`: 14 lowercase hex characters. */
export function machineId(): string {
  return randomBytes(7).toString('hex');
}

/**
 * Versions, instance ids and event ids are 26-character ULIDs (`01HQ73A7BFFDF1B6WMGHFZZ4E7`). Monotonic
 * within one process so a newer version always sorts after an older one, as ULIDs from flyd do.
 */
let lastTime = 0;
let lastRandom: number[] = [];
export function ulid(now = Date.now()): string {
  let random: number[];
  if (now <= lastTime && lastRandom.length) {
    random = [...lastRandom];
    for (let i = random.length - 1; i >= 0; i--) {
      if (random[i] < 31) {
        random[i]++;
        break;
      }
      random[i] = 0;
    }
    now = lastTime;
  } else {
    random = [...randomBytes(16)].map((byte) => byte % 32);
  }
  lastTime = now;
  lastRandom = random;
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time;
    t = Math.floor(t / 32);
  }
  return time + random.map((n) => CROCKFORD[n]).join('');
}

/** Lease nonces in the docs are 12 hex characters (`5c35f65c9f95`). */
export function leaseNonce(): string {
  return randomBytes(6).toString('hex');
}

/** `fly-request-id` values look like `01JNRQ9VVKJ7HZFMJWJB3M3RYN-yyz`: a ULID and the edge region. */
export function requestId(): string {
  return `${ulid()}-sim`;
}

/** A 6PN-style private address, unique per Machine. */
export function privateIp(): string {
  const hex = randomBytes(6).toString('hex');
  return `fdaa:0:${hex.slice(0, 4)}:a7b:${hex.slice(4, 8)}:${hex.slice(8, 12)}:1:2`;
}
