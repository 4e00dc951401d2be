-- Runway backup-verify table manifest: psql "$DATABASE_URL" -XAtq -f table-manifest.sql > DUMP.tables
SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres'; SET extra_float_digits = 1; SET bytea_output = 'hex';
SELECT n.nspname || '.' || c.relname, x.rows, x.checksum
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace,
LATERAL (SELECT (xpath('/row/n/text()', q))[1]::text AS rows, (xpath('/row/s/text()', q))[1]::text AS checksum
  FROM query_to_xml(format('SELECT count(*) AS n, coalesce(sum((''x'' || substr(md5(t::text), 1, 16))::bit(64)::bigint::numeric), 0) AS s FROM %I.%I t', n.nspname, c.relname), false, true, '') q) x
WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
ORDER BY 1;
