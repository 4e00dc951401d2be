export { hasPostgres, startPostgres, type LocalPostgres } from '../../src/sim/postgres/server.js';
export { seedVoicebot } from '../../src/sim/postgres/voicebot.js';
