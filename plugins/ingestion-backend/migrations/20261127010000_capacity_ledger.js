// @ts-check

/**
 * The capacity ledger: purchases, run debits, expiries and adjustments as append-only entries (balances are
 * derived from them), and the state of each tenant's balance alerts.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('ledger_entries', table => {
    table.comment('Append-only capacity ledger; never updated or deleted');
    table.bigIncrements('id').primary();
    table.string('tenant', 255).notNullable();
    table.string('kind', 32).notNullable();
    table.string('unit_type', 32).notNullable();
    table.double('quantity').notNullable();
    table.timestamp('occurred_at', { useTz: true }).notNullable();
    table.timestamp('valid_from', { useTz: true }).nullable();
    table.timestamp('valid_until', { useTz: true }).nullable();
    table.string('period', 16).nullable();
    table.string('purchase_id', 64).nullable();
    table.string('run_id', 128).nullable();
    table.string('idempotency_key', 255).nullable().unique();
    table.string('recorded_by', 255).notNullable();
    table.text('note').nullable();
    table.index(['tenant', 'occurred_at']);
    table.index(['unit_type', 'kind', 'valid_until']);
  });
  await knex.schema.createTable('balance_alert_states', table => {
    table.comment(
      'Which balance alerts fired since they were last re-armed, per tenant',
    );
    table.string('tenant', 255).notNullable();
    table.string('alert_id', 32).notNullable();
    table.boolean('fired').notNullable();
    table.timestamp('changed_at', { useTz: true }).notNullable();
    table.primary(['tenant', 'alert_id']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('balance_alert_states');
  await knex.schema.dropTable('ledger_entries');
};
