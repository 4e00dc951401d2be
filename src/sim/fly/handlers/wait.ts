import { goDurationMs } from '../duration.js';
import { errorReply, FlyError, ok, type Reply } from '../errors.js';
import { SETTLED_STATES, type SimMachine } from '../machine.js';
import { M, type RouteDef } from '../router.js';
import { machineOf, type Call } from '../state.js';

const WAIT_STATES = ['started', 'stopped', 'suspended', 'destroyed', 'failed', 'settled'];

interface WaitRequest {
  wanted: string[];
  version?: string;
  timeoutS: number;
}

/** `state` (repeatable, comma lists), `version`/`instance_id` and a `timeout` of at most 60 s, as flyd checks them. */
function readWait(machine: SimMachine, q: URLSearchParams): WaitRequest {
  const wanted = q
    .getAll('state')
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  if (wanted.length === 0) wanted.push('started');
  for (const state of wanted) {
    if (!WAIT_STATES.includes(state))
      throw new FlyError(400, `invalid state "${state}": use one of ${WAIT_STATES.join(', ')}`);
  }
  const version = q.get('version') ?? q.get('instance_id') ?? undefined;
  if (wanted.includes('stopped') && !version) {
    throw new FlyError(400, 'instance_id (version) is required when waiting for the stopped state');
  }
  if (version && machine.stateOf(version) === undefined)
    throw new FlyError(404, `machine version ${version} not found`);
  const rawTimeout = q.get('timeout');
  let timeoutS = 60;
  if (rawTimeout !== null && rawTimeout !== '') {
    timeoutS = /^\d+$/.test(rawTimeout) ? Number(rawTimeout) : goDurationMs(rawTimeout, NaN) / 1000;
    if (!Number.isFinite(timeoutS))
      throw new FlyError(400, `invalid timeout "${rawTimeout}": seconds as a whole number`);
  }
  return { wanted, version, timeoutS: Math.min(Math.max(timeoutS, 0), 60) };
}

/** The answer once the Machine (version) is in a wanted state; undefined while it is not yet. */
function reached(machine: SimMachine, { wanted, version }: WaitRequest): Reply | undefined {
  const state = machine.stateOf(version) ?? machine.state;
  const done =
    wanted.includes(state) ||
    (wanted.includes('settled') && SETTLED_STATES.has(state)) ||
    // A destroyed Machine has certainly stopped: an auto_destroy Machine may pass `stopped` before the wait.
    (state === 'destroyed' && wanted.includes('stopped'));
  if (done)
    return ok({
      ok: true,
      state,
      version: version ?? machine.current.version,
      event_id: machine.events[0]?.id ?? '',
    });
  if (state === 'destroyed') throw new FlyError(404, 'machine not found');
  return undefined;
}

/** Long-polls until the state is reached or the timeout passes (408 deadline_exceeded, as flyd answers). */
async function waitMachine(_sim: unknown, call: Call): Promise<Reply> {
  const machine = machineOf(call);
  const request = readWait(machine, call.query);
  const immediate = reached(machine, request);
  if (immediate) return immediate;
  return new Promise<Reply>((resolve, reject) => {
    const onChange = () => {
      try {
        const reply = reached(machine, request);
        if (reply) finish(reply);
      } catch (error) {
        cleanup();
        reject(error);
      }
    };
    const timer = setTimeout(() => {
      const state = machine.stateOf(request.version);
      const message = `deadline_exceeded: machine failed to reach desired state, ${request.wanted.join(',')}, currently ${state}`;
      finish(errorReply(new FlyError(408, message)));
    }, request.timeoutS * 1000);
    // A pending wait must not keep a closing sim (or the CLI process) alive.
    timer.unref();
    const cleanup = () => {
      clearTimeout(timer);
      machine.changes.off('change', onChange);
    };
    const finish = (reply: Reply) => {
      cleanup();
      resolve(reply);
    };
    machine.changes.on('change', onChange);
  });
}

export const WAIT_ROUTES: RouteDef[] = [
  { method: 'GET', path: `${M}/wait`, limit: 'read', handler: waitMachine },
];
