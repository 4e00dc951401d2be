/**
 * How Runway treats every fly.toml key flyctl reads (flyctl's appconfig.Config and its patches): a test
 * walks flyctl's own full-reference.toml and fails on a key missing here, so no key is dropped unseen.
 *
 * - `machine`: goes into the Machine config as `fly deploy` puts it there.
 * - `deploy`: steers the deploy itself (strategy, timeouts, release command).
 * - `build`: read by `flyctl deploy --build-only` when the action builds (`build: true`).
 * - `not-deploy`: flyctl's deploy does not read it either (used by `fly launch` / `fly console`).
 * - `unsupported`: refused before any call (see UNSUPPORTED_KEYS and the action README).
 */
export type KeyUse = 'machine' | 'deploy' | 'build' | 'not-deploy' | 'unsupported';

export const FLY_TOML_KEYS: Readonly<Record<string, KeyUse>> = {
  app: 'deploy',
  primary_region: 'machine',
  kill_signal: 'machine',
  kill_timeout: 'machine',
  swap_size_mb: 'machine',

  console_command: 'not-deploy',
  host_dedication_id: 'machine',
  'experimental.cmd': 'machine',
  'experimental.entrypoint': 'machine',
  'experimental.exec': 'machine',
  'experimental.machine_config': 'machine',
  'experimental.kill_timeout': 'machine',
  'experimental.metrics_port': 'machine',
  'experimental.metrics_path': 'machine',
  'experimental.auto_rollback': 'not-deploy',
  'experimental.enable_consul': 'not-deploy',
  'experimental.enable_etcd': 'not-deploy',
  'experimental.attached': 'not-deploy',
  'experimental.lazy_load_images': 'build',
  build: 'build',
  'build.compose': 'unsupported',
  'deploy.strategy': 'deploy',
  'deploy.max_unavailable': 'deploy',
  'deploy.wait_timeout': 'deploy',
  'deploy.release_command': 'deploy',
  'deploy.release_command_timeout': 'deploy',
  'deploy.release_command_vm': 'deploy',
  'deploy.seed_command': 'not-deploy',
  env: 'machine',
  processes: 'machine',
  mounts: 'machine',
  mount: 'machine',
  http_service: 'machine',
  services: 'machine',
  checks: 'machine',
  files: 'machine',
  statics: 'machine',
  metrics: 'machine',
  metric: 'machine',
  restart: 'machine',
  vm: 'machine',
  compute: 'machine',
  computes: 'machine',
  machine_checks: 'deploy',
  machine_config: 'machine',
  container: 'unsupported',
};

/** A key's own entry (never one inherited from Object.prototype, such as `constructor`). */
const listed = (key: string): KeyUse | undefined =>
  Object.hasOwn(FLY_TOML_KEYS, key) ? FLY_TOML_KEYS[key] : undefined;

/**
 * The use of a key path ("deploy.strategy"), looking at the section when the key itself is not listed.
 * [experimental] and [deploy] have no entry of their own (each of their keys is listed), so an unknown key
 * there has no use.
 */
export function keyUse(path: string): KeyUse | undefined {
  return listed(path) ?? listed(path.split('.')[0]);
}
