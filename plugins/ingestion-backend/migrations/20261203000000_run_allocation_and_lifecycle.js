// @ts-check

/**
 * A run carries its whole allocation (pool and sizing, beside tier, namespace, cores and memory) and its SLA
 * outcome; a job keeps why it is in its lifecycle stage, with the timeline of its lifecycle steps; and the notices
 * sent about a run are remembered so each is sent once, across restarts.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('ingestion_runs', table => {
    table.string('pool', 32).nullable();
    table.text('sizing').nullable();
    table.boolean('sla_met').nullable();
    table.double('sla_overrun').nullable();
  });
  await knex('ingestion_runs').update({
    pool: knex('ingestion_jobs')
      .select('pool')
      .where('ingestion_jobs.id', knex.ref('ingestion_runs.job_id')),
  });
  await knex('ingestion_runs')
    .whereNull('pool')
    .update({
      pool: knex.raw(
        "case when tier = 'dedicated' then 'dedicated' else 'vcore-hours' end",
      ),
    });

  // Runs not started yet are sized from their job as it is now, with the overhead rule of this release
  // (frozen here: a migration must not change when the rule later does).
  const waiting = await knex('ingestion_runs')
    .join('ingestion_jobs', 'ingestion_jobs.id', 'ingestion_runs.job_id')
    .whereIn('ingestion_runs.state', ['queued', 'submitted'])
    .select('ingestion_runs.id as id', 'ingestion_jobs.spec as spec');
  const pod = (
    /** @type {number} */ gib,
    /** @type {number} */ factor,
    /** @type {number} */ min,
  ) =>
    Math.ceil(gib * 1024) +
    Math.max(min, Math.ceil(Math.ceil(gib * 1024) * factor));
  for (const row of waiting) {
    const r = JSON.parse(row.spec).resources;
    await knex('ingestion_runs')
      .where({ id: row.id })
      .update({
        sizing: JSON.stringify({
          driverCores: r.driverCores,
          driverMemoryMiB: pod(r.driverMemoryGiB, 0.25, 512),
          executorCores: r.executorCores,
          executorMemoryMiB: pod(r.executorMemoryGiB, 0.1, 384),
          executorInstances: r.executorInstances,
        }),
      });
  }

  await knex.schema.alterTable('ingestion_jobs', table => {
    table.text('lifecycle_reason').nullable();
  });
  await knex.schema.createTable('ingestion_job_lifecycle_events', table => {
    table.comment(
      'Every lifecycle step of every job: created, promoted, not promoted, sent back',
    );
    table.bigIncrements('id').primary();
    table.string('job_id', 64).notNullable();
    table.timestamp('at', { useTz: true }).notNullable();
    table.string('kind', 32).notNullable();
    table.string('lifecycle', 16).notNullable();
    table.string('tier', 32).notNullable();
    table.string('by', 255).notNullable();
    table.text('reason').notNullable();
    table.index(['job_id', 'id']);
  });
  await knex.schema.createTable('ingestion_run_notices', table => {
    table.comment('Notifications sent about a run, so that each is sent once');
    table.string('run_id', 64).notNullable();
    table.string('kind', 32).notNullable();
    table.timestamp('sent_at', { useTz: true }).notNullable();
    table.primary(['run_id', 'kind']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('ingestion_run_notices');
  await knex.schema.dropTable('ingestion_job_lifecycle_events');
  await knex.schema.alterTable('ingestion_jobs', table => {
    table.dropColumn('lifecycle_reason');
  });
  await knex.schema.alterTable('ingestion_runs', table => {
    table.dropColumn('pool');
    table.dropColumn('sizing');
    table.dropColumn('sla_met');
    table.dropColumn('sla_overrun');
  });
};
