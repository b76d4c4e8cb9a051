// @ts-check

/**
 * The registry of API clients (OAuth 2.0 client credentials): which tenant each client acts for, which scopes a
 * platform admin granted it, and when it was revoked. Revoked rows stay so the audit trail survives.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('ingestion_api_clients', table => {
    table.comment(
      'OAuth 2.0 clients of other systems: one tenant each, granted scopes, revocation',
    );
    table.string('client_id', 255).primary();
    table.string('tenant', 255).notNullable();
    table.text('scopes').notNullable();
    table.text('description').notNullable();
    table.string('registered_by', 255).notNullable();
    table.timestamp('registered_at', { useTz: true }).notNullable();
    table.string('revoked_by', 255).nullable();
    table.timestamp('revoked_at', { useTz: true }).nullable();
    table.index(['tenant']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('ingestion_api_clients');
};
