package dev.dataflow.processor.ddl;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The jOOQ contexts the processor renders PostgreSQL with. Every renderer takes its context from here, so jOOQ is
 * quieted once, before its first use.
 */
public final class PostgresDsl {
  static {
    // jOOQ prints a banner and a tip on first use; keep the compiler's output clean.
    if (System.getProperty("org.jooq.no-logo") == null) {
      System.setProperty("org.jooq.no-logo", "true");
    }
    if (System.getProperty("org.jooq.no-tips") == null) {
      System.setProperty("org.jooq.no-tips", "true");
    }
  }

  private PostgresDsl() {}

  /** Renders every statement on one line. */
  public static DSLContext oneLine() {
    return DSL.using(SQLDialect.POSTGRES);
  }

  /** Renders statements over several lines ({@code CREATE TABLE} one column a line), for review. */
  public static DSLContext formatted() {
    return DSL.using(SQLDialect.POSTGRES, new Settings().withRenderFormatted(true));
  }
}
