import type { LocalPostgres } from './server.js';

/**
 * A voice bot's database in miniature: hotels, their rooms, bookings, the calls the bot answered
 * and their transcripts (non-ASCII text, audio snippets as bytea). Deterministic for a given size,
 * so two seeds of one size are equal row for row.
 */
export const VOICEBOT_SCHEMA = `
CREATE TABLE hotels (id serial PRIMARY KEY, name text NOT NULL, city text NOT NULL, opened date);
CREATE TABLE rooms (id serial PRIMARY KEY, hotel_id int NOT NULL REFERENCES hotels, number text NOT NULL,
  rate numeric(10,2) NOT NULL, features jsonb);
CREATE TABLE bookings (id bigserial PRIMARY KEY, room_id int NOT NULL REFERENCES rooms, guest text NOT NULL,
  check_in date NOT NULL, nights int NOT NULL, created_at timestamptz NOT NULL);
CREATE TABLE calls (id bigserial PRIMARY KEY, booking_id bigint REFERENCES bookings, caller text NOT NULL,
  started_at timestamptz NOT NULL, seconds double precision NOT NULL, outcome text);
CREATE TABLE transcripts (call_id bigint PRIMARY KEY REFERENCES calls, language text NOT NULL,
  body text NOT NULL, audio bytea);
`;

/** Rows for `scale` hotels (10 rooms each, 5 bookings per room, one call and transcript per booking). */
export function voicebotData(scale: number): string {
  return `
INSERT INTO hotels (name, city, opened)
  SELECT 'Hôtel ' || i, (ARRAY['Zürich','São Paulo','Kraków','東京','Reykjavík'])[1 + i % 5], date '2001-01-01' + i
  FROM generate_series(1, ${scale}) i;
INSERT INTO rooms (hotel_id, number, rate, features)
  SELECT h, h || '-' || r, 80 + (h * 7 + r) % 200 + 0.5, jsonb_build_object('sea_view', r % 3 = 0, 'beds', 1 + r % 2)
  FROM generate_series(1, ${scale}) h, generate_series(1, 10) r;
INSERT INTO bookings (room_id, guest, check_in, nights, created_at)
  SELECT room, 'Gäst ' || room || '/' || b, date '2026-01-01' + (room * 5 + b) % 300, 1 + b,
         timestamptz '2026-01-01 00:00:00+00' + make_interval(mins => room * 5 + b)
  FROM generate_series(1, ${scale * 10}) room, generate_series(1, 5) b;
INSERT INTO calls (booking_id, caller, started_at, seconds, outcome)
  SELECT id, '+41 44 ' || lpad(id::text, 7, '0'), created_at - interval '1 hour', 30 + id % 600 / 7.0,
         (ARRAY['booked','transferred','hung up'])[1 + id % 3]
  FROM bookings;
INSERT INTO transcripts (call_id, language, body, audio)
  SELECT id, (ARRAY['de','pt','pl','ja'])[1 + id % 4],
         repeat('Grüezi! Ich möchte ein Zimmer für zwei Nächte reservieren. ありがとう。 Dziękuję. ', (1 + id % 8)::int),
         decode(md5(id::text) || md5((id * 7)::text), 'hex')
  FROM calls;
`;
}

/** Creates a database with the voice bot's schema and `scale` hotels' worth of data; returns its URL. */
export async function seedVoicebot(pg: LocalPostgres, database: string, scale = 20): Promise<string> {
  const url = await pg.createDatabase(database);
  await pg.sql(database, VOICEBOT_SCHEMA + voicebotData(scale));
  return url;
}
