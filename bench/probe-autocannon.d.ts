// The few parts of autocannon's programmatic API the probe benchmark uses (it ships no types).
declare module 'autocannon' {
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    overallRate?: number;
    ignoreCoordinatedOmission?: boolean;
    timeout?: number;
  }
  interface Result {
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    requests: { average: number; total: number; sent: number };
    latency: Record<'p50' | 'p90' | 'p97_5' | 'p99' | 'max' | 'mean' | 'totalCount', number>;
  }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
