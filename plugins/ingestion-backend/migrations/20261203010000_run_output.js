// @ts-check

/**
 * What a finished run left behind: where its data landed and the watermark it reached, so that one run can be
 * read back through the API instead of from the executor's files.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('ingestion_runs', table => {
    table.string('output_path', 2048).nullable();
    table.text('watermark').nullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('ingestion_runs', table => {
    table.dropColumn('output_path');
    table.dropColumn('watermark');
  });
};
