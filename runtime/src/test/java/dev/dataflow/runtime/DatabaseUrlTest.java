package dev.dataflow.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

  @Test
  void postgresqlUrlBecomesJdbcUrlAndCredentials() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://app:s%40cret@db.internal:6543/memory?sslmode=require");
    assertEquals("jdbc:postgresql://db.internal:6543/memory?sslmode=require", url.jdbcUrl());
    assertEquals("app", url.user());
    assertEquals("s@cret", url.password());
  }

  @Test
  void postgresSchemeAndNoPortOrCredentials() {
    DatabaseUrl url = DatabaseUrl.parse("postgres://localhost/db");
    assertEquals("jdbc:postgresql://localhost/db", url.jdbcUrl());
    assertNull(url.user());
    assertNull(url.password());
  }

  @Test
  void jdbcUrlIsKeptAsIs() {
    DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://h:5432/d?user=u&password=p");
    assertEquals("jdbc:postgresql://h:5432/d?user=u&password=p", url.jdbcUrl());
    assertFalse(url.toString().contains("password=p"), "toString hides the query: " + url);
  }

  @Test
  void describeNamesHostPortDatabaseAndUserButNoPasswordNorParameters() {
    assertEquals("PostgreSQL 16.4 at db.internal:6543/memory as user app",
        DatabaseUrl.parse("postgresql://app:s%40cret@db.internal:6543/memory?sslmode=require").describe("16.4"));
    assertEquals("PostgreSQL 17.6 at h:5432/d",
        DatabaseUrl.parse("jdbc:postgresql://h:5432/d?user=u&password=p").describe("17.6"));
  }

  @Test
  void badUrlsAreRefusedWithoutEchoingThePassword() {
    DataFlowException scheme = assertThrows(DataFlowException.class, () -> DatabaseUrl.parse("mysql://u:pw@h/d"));
    assertTrue(scheme.getMessage().contains("Unsupported database URL scheme (mysql)"), scheme.getMessage());
    DataFlowException syntax = assertThrows(DataFlowException.class,
        () -> DatabaseUrl.parse("postgresql://u:top secret@h/d"));
    assertFalse(syntax.getMessage().contains("top secret"), syntax.getMessage());
    assertThrows(DataFlowException.class, () -> DatabaseUrl.parse(" "));
    assertThrows(DataFlowException.class, () -> DatabaseUrl.parse("postgresql:///d"));
  }
}
