#!/usr/bin/env bash
# Creates the quick start's demo source: database ingest_demo on the loopback PostgreSQL with a table of
# 50,000 orders (and a few new ones on every start, so incremental loads have something to pick up).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
url=$("$root/test-infra/services/postgres.sh" url)
if ! psql "$url/postgres" -tAc "select 1 from pg_database where datname = 'ingest_demo'" | grep -q 1; then
  psql -q "$url/postgres" -c "create database ingest_demo"
fi
psql -q -v ON_ERROR_STOP=1 "$url/ingest_demo" <<'SQL'
set client_min_messages = warning;
create table if not exists public.orders (
  id bigserial primary key,
  customer_id integer not null,
  amount_cents integer not null,
  currency char(3) not null,
  status text not null,
  updated_at timestamptz not null
);
insert into public.orders (customer_id, amount_cents, currency, status, updated_at)
select (random() * 5000)::int,
       (random() * 100000)::int,
       (array['EUR', 'USD', 'GBP'])[1 + (g % 3)],
       (array['placed', 'paid', 'shipped', 'returned'])[1 + (g % 4)],
       now() - make_interval(mins => (random() * 60 * 24 * 30)::int)
from generate_series(1, case when (select count(*) from public.orders) = 0 then 50000 else 250 end) g;
SQL
echo "demo source: $(psql -tAc 'select count(*) from public.orders' "$url/ingest_demo") orders in ingest_demo.public.orders"
