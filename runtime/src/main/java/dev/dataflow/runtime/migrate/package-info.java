/**
 * Bringing the database schema up to date at start: {@link dev.dataflow.runtime.migrate.SchemaMigrator} applies the
 * versioned migrations the processor generates ({@code db/migration/V<n>__<description>.sql}) with Flyway;
 * {@link dev.dataflow.runtime.migrate.MigrationCoverage} reads their {@code dataflow-schema.json} snapshots to tell
 * which tables they create; {@link dev.dataflow.runtime.migrate.MissingTableRule} decides what a registered model
 * without a table means (a missing migration, or, in development mode, a table {@link
 * dev.dataflow.runtime.migrate.TableCreator} creates from the model's DDL). It may import {@code model}, {@code sql}
 * (to report the database's errors) and {@link dev.dataflow.runtime.DataFlowException}, nothing above.
 *
 * <pre>{@code
 * new SchemaMigrator(dataSource, List.of("classpath:db/migration"), classLoader).migrate();
 * MigrationCoverage coverage = MigrationCoverage.read(List.of("classpath:db/migration"), classLoader);
 * new TableCreator(pool).createMissing(models, new MissingTableRule(coverage, locations, false));
 * }</pre>
 */
package dev.dataflow.runtime.migrate;
