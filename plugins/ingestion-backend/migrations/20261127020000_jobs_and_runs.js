// @ts-check

/**
 * Ingestion jobs, their runs and every run state transition.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('ingestion_jobs', table => {
    table.comment(
      'Ingestion jobs; the full specification is kept as JSON, searchable fields as columns',
    );
    table.string('id', 64).primary();
    table.string('tenant', 255).notNullable();
    table.string('name', 63).notNullable();
    table.text('spec').notNullable();
    table.string('lifecycle', 16).notNullable();
    table.string('tier', 32).notNullable();
    table.string('pool', 32).notNullable();
    table.string('status', 16).notNullable();
    table.text('watermark').nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.string('created_by', 255).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.string('updated_by', 255).notNullable();
    table.unique(['tenant', 'name']);
    table.index(['tenant', 'status']);
  });
  await knex.schema.createTable('ingestion_runs', table => {
    table.comment('One execution of a job');
    table.string('id', 64).primary();
    table.string('job_id', 64).notNullable();
    table.string('tenant', 255).notNullable();
    table.string('state', 16).notNullable();
    table.string('trigger', 16).notNullable();
    table.timestamp('scheduled_for', { useTz: true }).notNullable();
    table.string('tier', 32).notNullable();
    table.string('namespace', 63).notNullable();
    table.boolean('opportunistic').notNullable().defaultTo(false);
    table.double('allocated_cores').notNullable();
    table.integer('allocated_memory_mib').notNullable();
    table.string('executor', 64).nullable();
    table.timestamp('queued_at', { useTz: true }).notNullable();
    table.timestamp('started_at', { useTz: true }).nullable();
    table.timestamp('finished_at', { useTz: true }).nullable();
    table.text('message').nullable();
    table.text('metrics').nullable();
    table.string('dedupe_key', 255).notNullable().unique();
    table.index(['job_id', 'queued_at']);
    table.index(['state']);
    table.index(['tenant', 'finished_at']);
  });
  await knex.schema.createTable('ingestion_run_transitions', table => {
    table.comment(
      'Every state transition of every run, for audit and reconciliation',
    );
    table.bigIncrements('id').primary();
    table.string('run_id', 64).notNullable();
    table.string('from_state', 16).nullable();
    table.string('to_state', 16).notNullable();
    table.timestamp('at', { useTz: true }).notNullable();
    table.text('reason').nullable();
    table.index(['run_id', 'id']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('ingestion_run_transitions');
  await knex.schema.dropTable('ingestion_runs');
  await knex.schema.dropTable('ingestion_jobs');
};
