// @ts-check

/**
 * Metrics add up the runs that finished in a range per job, tenant or namespace: an index for each of the two not
 * yet covered (runs by tenant and finish exist already).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('ingestion_runs', table => {
    table.index(['job_id', 'finished_at'], 'ingestion_runs_job_finished_index');
    table.index(['tier', 'finished_at'], 'ingestion_runs_tier_finished_index');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('ingestion_runs', table => {
    table.dropIndex(
      ['job_id', 'finished_at'],
      'ingestion_runs_job_finished_index',
    );
    table.dropIndex(
      ['tier', 'finished_at'],
      'ingestion_runs_tier_finished_index',
    );
  });
};
