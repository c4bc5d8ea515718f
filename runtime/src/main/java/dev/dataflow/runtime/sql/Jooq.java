package dev.dataflow.runtime.sql;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/** The one jOOQ context the runtime renders with: PostgreSQL, quoted names, {@code ?} placeholders, no connection. */
final class Jooq {
  static {
    quiet();
  }

  /** Renders only; executing a query built from it fails, which is intended: statements run through JDBC. */
  static final DSLContext RENDER = DSL.using(SQLDialect.POSTGRES, new Settings()
      .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_QUOTED)
      .withParamType(ParamType.INDEXED)
      .withRenderFormatted(false));

  private Jooq() {}

  /**
   * Keeps jOOQ from logging its banner and tips. Must run before jOOQ's own classes initialise, so every class of
   * this package that touches jOOQ calls it from its static initialiser.
   */
  static void quiet() {
    System.setProperty("org.jooq.no-logo", "true");
    System.setProperty("org.jooq.no-tips", "true");
  }
}
