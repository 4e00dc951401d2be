/** Wire shapes of the Machines API (fly-machines-openapi.json), narrowed to what a deploy reads or writes. */

export interface MachineCheck {
  type?: 'tcp' | 'http' | string;
  port?: number;
  interval?: string;
  timeout?: string;
  grace_period?: string;
  method?: string;
  path?: string;
  protocol?: string;
  tls_skip_verify?: boolean;
  tls_server_name?: string;
  headers?: { name: string; values: string[] }[];
  kind?: string;
}

export interface MachinePort {
  port?: number;
  start_port?: number;
  end_port?: number;
  handlers?: string[];
  force_https?: boolean;
  tls_options?: Record<string, unknown>;
  http_options?: Record<string, unknown>;
  proxy_proto_options?: Record<string, unknown>;
}

export interface MachineService {
  protocol: string;
  internal_port: number;
  ports?: MachinePort[];
  concurrency?: { type?: string; soft_limit?: number; hard_limit?: number };
  autostart?: boolean;
  /** fly-go writes false for "off", true for "stop" and the string "suspend". */
  autostop?: boolean | string;
  min_machines_running?: number;
  checks?: MachineCheck[];
}

export interface MachineGuest {
  cpu_kind?: string;
  cpus?: number;
  memory_mb?: number;
  [key: string]: unknown;
}

export interface MachineConfig {
  image: string;
  env?: Record<string, string>;
  guest?: MachineGuest;
  services?: MachineService[];
  checks?: Record<string, MachineCheck>;
  metadata?: Record<string, string>;
  restart?: { policy?: string; max_retries?: number };
  init?: { cmd?: string[]; entrypoint?: string[]; exec?: string[] };
  stop_config?: { signal?: string; timeout?: string };
  auto_destroy?: boolean;
  dns?: { skip_registration?: boolean };
  mounts?: unknown[];
  [key: string]: unknown;
}

export interface CheckStatus {
  name: string;
  status: 'passing' | 'warning' | 'critical' | string;
  output?: string;
  updated_at?: string;
}

export interface MachineEvent {
  id?: string;
  type: string;
  status?: string;
  source?: string;
  timestamp: number;
  request?: {
    exit_event?: { exit_code?: number; restarting?: boolean; oom_killed?: boolean; requested_stop?: boolean };
    MonitorEvent?: { exit_event?: { exit_code?: number; restarting?: boolean } };
    restart_count?: number;
    [key: string]: unknown;
  };
}

export interface ImageRef {
  registry?: string;
  repository?: string;
  tag?: string;
  digest?: string;
}

export interface Machine {
  id: string;
  name?: string;
  state: string;
  region: string;
  instance_id?: string;
  version?: string;
  config?: MachineConfig;
  incomplete_config?: MachineConfig;
  image_ref?: ImageRef;
  checks?: CheckStatus[];
  events?: MachineEvent[];
  nonce?: string;
  cordoned?: boolean;
  host_status?: string;
  /** The Machine's 6PN address (a machine_checks Machine gets it as FLY_TEST_MACHINE_IP). */
  private_ip?: string;
  created_at?: string;
  updated_at?: string;
}

export interface LeaseData {
  nonce: string;
  expires_at?: number;
  owner?: string;
  description?: string;
  version?: string;
}

export const PLATFORM_VERSION = 'v2';
export const META = {
  platformVersion: 'fly_platform_version',
  processGroup: 'fly_process_group',
  releaseVersion: 'fly_release_version',
  releaseId: 'fly_release_id',
  bluegreenTag: 'fly_bluegreen_deployment_tag',
  bluegreenLaunchId: 'fly_flyctl_bluegreen_launch_id',
  canary: 'fly_canary',
  /** Ours: ties a create to this deploy so a 408 "silent success" can be found by listing. */
  launchId: 'runway_launch_id',
  deployId: 'runway_deploy_id',
} as const;

export const RELEASE_COMMAND_GROUP = 'fly_app_release_command';
