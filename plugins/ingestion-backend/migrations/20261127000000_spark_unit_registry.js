// @ts-check

/**
 * The Spark Unit registry: Spark Units allocated to each namespace tier, and the history of every change.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('spark_unit_allocations', table => {
    table.comment('Spark Units currently allocated to each namespace tier');
    table.string('tier', 32).primary().notNullable();
    table.integer('spark_units').notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.string('updated_by', 255).notNullable();
  });
  await knex.schema.createTable('spark_unit_allocation_changes', table => {
    table.comment('Append-only history of registry changes');
    table.bigIncrements('id').primary();
    table.string('tier', 32).notNullable();
    table.integer('spark_units').notNullable();
    table.timestamp('changed_at', { useTz: true }).notNullable();
    table.string('changed_by', 255).notNullable();
    table.index(['tier', 'changed_at']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('spark_unit_allocation_changes');
  await knex.schema.dropTable('spark_unit_allocations');
};
