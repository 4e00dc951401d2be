import { goDurationMs, isGoDuration } from '../duration.js';
import { FlyError, ok, type Reply } from '../errors.js';
import { normalizeSignal, type SimMachine } from '../machine.js';
import { M, type RouteDef } from '../router.js';
import { machineOf, type Call } from '../state.js';
import { requireLease } from './leases.js';

const STOP_SIGNALS = ['SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGKILL', 'SIGUSR1', 'SIGUSR2', 'SIGTERM'];

function startMachine(_sim: unknown, call: Call): Reply {
  const machine = machineOf(call);
  requireLease(call);
  if (machine.state === 'replacing')
    throw new FlyError(412, 'failed_precondition: machine getting replaced, refusing to start');
  if (['created', 'stopping', 'suspending', 'destroying'].includes(machine.state)) {
    throw new FlyError(
      412,
      `failed_precondition: unable to start machine from current state: '${machine.state}'`,
    );
  }
  return ok(machine.start());
}

/** `signal` and `timeout` from the body or the query (flyctl uses both), checked like flyd does. */
function stopOptions(call: Call): { signal?: string; timeoutMs?: number } {
  const signal = call.body.signal ?? call.query.get('signal') ?? undefined;
  if (signal !== undefined && !STOP_SIGNALS.includes(String(signal).toUpperCase())) {
    throw new FlyError(400, `invalid signal "${String(signal)}": use one of ${STOP_SIGNALS.join(', ')}`);
  }
  const timeout = call.body.timeout ?? call.query.get('timeout') ?? undefined;
  let timeoutMs: number | undefined;
  if (timeout !== undefined && timeout !== '') {
    if (typeof timeout === 'number' || /^\d+$/.test(String(timeout))) timeoutMs = Number(timeout) * 1000;
    else if (isGoDuration(timeout)) timeoutMs = goDurationMs(String(timeout), 5000);
    else throw new FlyError(400, `invalid timeout "${String(timeout)}": use a duration such as "10s"`);
  }
  return { signal: signal === undefined ? undefined : String(signal).toUpperCase(), timeoutMs };
}

function refuseWhileReplacing(machine: SimMachine, action: string): void {
  if (machine.state === 'replacing' || machine.state === 'destroying') {
    throw new FlyError(
      412,
      `failed_precondition: unable to ${action} machine from current state: '${machine.state}'`,
    );
  }
}

function stopMachine(_sim: unknown, call: Call): Reply {
  requireLease(call);
  refuseWhileReplacing(machineOf(call), 'stop');
  const { signal, timeoutMs } = stopOptions(call);
  machineOf(call).stop(signal, timeoutMs);
  return ok();
}

function suspendMachine(_sim: unknown, call: Call): Reply {
  requireLease(call);
  refuseWhileReplacing(machineOf(call), 'suspend');
  machineOf(call).stop(undefined, undefined, 'suspended');
  return ok();
}

function restartMachine(_sim: unknown, call: Call): Reply {
  const machine = machineOf(call);
  requireLease(call);
  if (!['started', 'starting'].includes(machine.state)) {
    throw new FlyError(
      412,
      `failed_precondition: unable to restart machine from current state: '${machine.state}'`,
    );
  }
  const options = stopOptions(call);
  // flyctl sends force_stop=true to skip the graceful signal (fly.md §1.2).
  const signal = call.query.get('force_stop') === 'true' ? 'SIGKILL' : options.signal;
  machine.restart(signal, options.timeoutMs);
  return ok();
}

function signalMachine(_sim: unknown, call: Call): Reply {
  const machine = machineOf(call);
  requireLease(call);
  const raw = call.body.signal;
  if (raw === undefined || raw === null || raw === '') throw new FlyError(400, 'signal is required');
  if (machine.state !== 'started')
    throw new FlyError(412, `failed_precondition: machine is not running (state '${machine.state}')`);
  machine.signal(normalizeSignal(raw));
  return ok();
}

function cordon(call: Call, value: boolean): Reply {
  requireLease(call);
  machineOf(call).cordoned = value;
  machineOf(call).notify();
  return ok();
}

export const LIFECYCLE_ROUTES: RouteDef[] = [
  { method: 'POST', path: `${M}/start`, limit: 'mutation', handler: startMachine },
  { method: 'POST', path: `${M}/stop`, limit: 'mutation', handler: stopMachine },
  { method: 'POST', path: `${M}/restart`, limit: 'mutation', handler: restartMachine },
  { method: 'POST', path: `${M}/suspend`, limit: 'mutation', handler: suspendMachine },
  { method: 'POST', path: `${M}/signal`, limit: 'mutation', handler: signalMachine },
  { method: 'POST', path: `${M}/cordon`, limit: 'mutation', handler: (_s, c) => cordon(c, true) },
  { method: 'POST', path: `${M}/uncordon`, limit: 'mutation', handler: (_s, c) => cordon(c, false) },
];
