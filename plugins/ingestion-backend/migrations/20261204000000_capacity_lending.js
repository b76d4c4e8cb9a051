// @ts-check

/**
 * Lending of idle dedicated capacity (Requirement 8): the audit of every loan, reclaim and preemption with its
 * timings, and since when the dedicated namespace has been idle (kept here so a restart or another replica's
 * dispatcher does not restart the idle window).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('capacity_lending_events', table => {
    table.comment(
      'Loans of idle dedicated capacity to opportunistic runs, reclaims by dedicated runs, and the preemptions they caused',
    );
    table.increments('id').primary();
    table.string('kind', 16).notNullable();
    table.string('run_id', 64).notNullable();
    table.string('tenant', 255).notNullable();
    table.double('cores').notNullable();
    table.integer('memory_mib').notNullable();
    table.timestamp('occurred_at', { useTz: true }).notNullable();
    // loan: when the opportunistic run stopped holding lent capacity, and the core-hours it held (never charged)
    table.timestamp('ended_at', { useTz: true }).nullable();
    table.double('core_hours').nullable();
    // preemption: the dedicated run it made room for, and the run queued in its place
    table.string('reclaimed_for', 64).nullable();
    table.string('requeued_as', 64).nullable();
    // reclaim: when the dedicated run asked for capacity, how many runs were stopped, and when it was running
    table.timestamp('requested_at', { useTz: true }).nullable();
    table.integer('victims').nullable();
    table.timestamp('running_at', { useTz: true }).nullable();
    table.unique(['kind', 'run_id']);
    table.index(['occurred_at']);
  });
  await knex.schema.createTable('capacity_lending_window', table => {
    table.comment(
      'Since when a lending namespace has been idle above the threshold without a break (none: not idle)',
    );
    table.string('tier', 32).primary();
    table.timestamp('idle_since', { useTz: true }).nullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('capacity_lending_window');
  await knex.schema.dropTable('capacity_lending_events');
};
