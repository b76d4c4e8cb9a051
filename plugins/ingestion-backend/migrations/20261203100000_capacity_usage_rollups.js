// @ts-check

/**
 * Capacity history for forecasting: hourly and daily rollups of the allocation runs held, the runs already rolled
 * up (so each is counted once), and the state of each namespace's 80% forecast alert.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('capacity_usage_rollups', table => {
    table.comment(
      'Core-hours and GiB-hours allocated per tenant, namespace tier and UTC hour or day; demo rows kept apart',
    );
    table.string('source', 8).notNullable();
    table.string('granularity', 8).notNullable();
    table.string('tier', 32).notNullable();
    table.string('tenant', 255).notNullable();
    table.timestamp('bucket_start', { useTz: true }).notNullable();
    table.double('core_hours').notNullable();
    table.double('memory_gib_hours').notNullable();
    table.primary(['source', 'granularity', 'tier', 'tenant', 'bucket_start']);
    table.index(['source', 'granularity', 'bucket_start']);
  });
  await knex.schema.createTable('capacity_rolled_up_runs', table => {
    table.comment('Finished runs already added to capacity_usage_rollups');
    table.string('run_id', 64).primary();
    table.timestamp('finished_at', { useTz: true }).notNullable();
    table.index(['finished_at']);
  });
  await knex.schema.createTable('capacity_forecast_alerts', table => {
    table.comment(
      'Whether the 80% forecast alert of a namespace fired since it was last re-armed',
    );
    table.string('tier', 32).primary();
    table.boolean('fired').notNullable();
    table.timestamp('changed_at', { useTz: true }).notNullable();
  });
  await knex.schema.alterTable('ingestion_runs', table => {
    table.index(['finished_at'], 'ingestion_runs_finished_at_index');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('ingestion_runs', table => {
    table.dropIndex(['finished_at'], 'ingestion_runs_finished_at_index');
  });
  await knex.schema.dropTable('capacity_forecast_alerts');
  await knex.schema.dropTable('capacity_rolled_up_runs');
  await knex.schema.dropTable('capacity_usage_rollups');
};
