package dev.dataflow.examples.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link ServiceSettings#fromEnvironment}: {@code PORT}, {@code DATABASE_URL}, {@code SERVICE_TOKEN}. */
class ServiceSettingsTest {

  @Test
  void defaults() {
    ServiceSettings settings = ServiceSettings.fromEnvironment(Map.<String, String>of()::get);

    assertEquals(8080, settings.port());
    assertNull(settings.databaseUrl());
    assertEquals(Path.of("dataflow-service-data"), settings.dataDirectory());
    assertTrue(settings.tokenGenerated());
    assertTrue(settings.token().matches("[A-Za-z0-9_-]{43}"), settings.token());
    assertNotEquals(settings.token(), ServiceSettings.fromEnvironment(Map.<String, String>of()::get).token());
  }

  @Test
  void theEnvironmentSetsPortDatabaseAndToken() {
    ServiceSettings settings = ServiceSettings.fromEnvironment(Map.of("PORT", "9090",
        "DATABASE_URL", "postgresql://app:Secret-Pw@db:5432/app", "SERVICE_TOKEN", "s3cr3t-token")::get);

    assertEquals(9090, settings.port());
    assertEquals("postgresql://app:Secret-Pw@db:5432/app", settings.databaseUrl());
    assertEquals("s3cr3t-token", settings.token());
    assertFalse(settings.tokenGenerated());
    assertFalse(settings.toString().contains("Secret-Pw"), settings.toString());
    assertFalse(settings.toString().contains("s3cr3t-token"), settings.toString());
  }

  @Test
  void anUnusablePortOrTokenNamesTheVariable() {
    for (String port : new String[] {"http", "-1", "65536", "80.5"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> ServiceSettings.fromEnvironment(Map.of("PORT", port)::get));
      assertTrue(e.getMessage().startsWith("PORT must be a port number from 0 to 65535"), e.getMessage());
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ServiceSettings.fromEnvironment(Map.of("SERVICE_TOKEN", "two words")::get));
    assertTrue(e.getMessage().startsWith("SERVICE_TOKEN must be printable ASCII"), e.getMessage());
  }

  @Test
  void blankVariablesCountAsUnset() {
    ServiceSettings settings = ServiceSettings.fromEnvironment(Map.of("PORT", " ", "DATABASE_URL", "",
        "SERVICE_TOKEN", "")::get);
    assertEquals(8080, settings.port());
    assertNull(settings.databaseUrl());
    assertTrue(settings.tokenGenerated());
  }
}
