package dev.dataflow.runtime.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The named factory and flag methods generated schemas build columns with. */
class ColumnDescriptorTest {

  @Test
  void columnStartsNullableWithoutFlags() {
    assertEquals(
        new ColumnDescriptor("content", "content", JavaType.STRING, "TEXT", true, false, false, false, null, false,
            false),
        ColumnDescriptor.column("content", "content", JavaType.STRING, "TEXT"));
  }

  @Test
  void eachFlagMethodSetsItsOwnComponentOnly() {
    ColumnDescriptor plain = ColumnDescriptor.column("c", "c", JavaType.LONG, "BIGINT");
    assertEquals(new ColumnDescriptor("c", "c", JavaType.LONG, "BIGINT", false, false, false, false, null, false,
        false), plain.notNull());
    assertEquals(new ColumnDescriptor("c", "c", JavaType.LONG, "BIGINT", true, true, false, false, null, false,
        false), plain.asPrimaryKey());
    assertEquals(new ColumnDescriptor("c", "c", JavaType.LONG, "BIGINT", true, false, true, false, null, false,
        false), plain.asGenerated());
    assertEquals(new ColumnDescriptor("c", "c", JavaType.LONG, "BIGINT", true, false, false, true, null, false,
        false), plain.withDefault());
    assertEquals(new ColumnDescriptor("c", "c", JavaType.LONG, "BIGINT", true, false, false, false, null, true,
        false), plain.asVersion());
    assertEquals(new ColumnDescriptor("c", "c", JavaType.LONG, "BIGINT", true, false, false, false, null, false,
        true), plain.asPii());
    assertEquals(new ColumnDescriptor("c", "c", JavaType.LONG, "BIGINT", true, false, false, false, null, false,
        false, true, false), plain.asScrubbed());
    assertEquals(new ColumnDescriptor("c", "c", JavaType.LONG, "BIGINT", true, false, false, false, null, false,
        false, false, true), plain.asPiiScrubbedFlag());
    assertEquals(new ColumnDescriptor("c", "c", JavaType.LONG, "BIGINT", true, false, false, false, null, false,
        false, false, false, true), plain.asUnique());
  }

  @Test
  void uniqueSurvivesTheOtherFlagsAndTheOlderConstructorsLeaveItOff() {
    ColumnDescriptor unique = ColumnDescriptor.column("code", "code", JavaType.STRING, "TEXT").asUnique();
    assertEquals(true, unique.notNull().asPii().asScrubbed().withDefault().asPiiScrubbedFlag().unique());
    assertEquals(false, new ColumnDescriptor("c", "c", JavaType.LONG, "BIGINT", true, false, false, false, null, false,
        false, false, false).unique());
  }

  @Test
  void theShorterConstructorsLeaveTheNewerFlagsOff() {
    ColumnDescriptor pii =
        new ColumnDescriptor("c", "c", JavaType.STRING, "TEXT", true, false, false, false, null, false, true);
    assertEquals(false, pii.scrub());
    assertEquals(false, pii.piiScrubbedFlag());
    assertEquals(pii, ColumnDescriptor.column("c", "c", JavaType.STRING, "TEXT").asPii());
  }

  @Test
  void aScrubbedColumnKeepsItsOtherFlags() {
    assertEquals(
        new ColumnDescriptor("content", "content", JavaType.STRING, "TEXT", false, false, false, false, null, false,
            true, true, false),
        ColumnDescriptor.column("content", "content", JavaType.STRING, "TEXT").notNull().asPii().asScrubbed());
    assertEquals(
        new ColumnDescriptor("pii_scrubbed", "piiScrubbed", JavaType.BOOLEAN, "BOOLEAN", false, false, false, true,
            null, false, false, false, true),
        ColumnDescriptor.column("pii_scrubbed", "piiScrubbed", JavaType.BOOLEAN, "BOOLEAN").asPiiScrubbedFlag()
            .withDefault().notNull());
  }

  @Test
  void flagsCombineInAnyOrder() {
    EnumValues units = EnumValues.of(TimeUnit.values());
    ColumnDescriptor expected =
        new ColumnDescriptor("unit", "unit", JavaType.ENUM, "TEXT", false, false, false, true, units, false, true);
    assertEquals(expected,
        ColumnDescriptor.column("unit", "unit", JavaType.ENUM, "TEXT").notNull().withDefault()
            .withEnumValues(units).asPii());
    assertEquals(expected,
        ColumnDescriptor.column("unit", "unit", JavaType.ENUM, "TEXT").asPii().withEnumValues(units)
            .withDefault().notNull());
  }

  @Test
  void theKeyAndTheVersionColumnReadAsTheirDdl() {
    assertEquals(
        new ColumnDescriptor("id", "id", JavaType.LONG, "BIGINT", false, true, true, false, null, false, false),
        ColumnDescriptor.column("id", "id", JavaType.LONG, "BIGINT").notNull().asPrimaryKey().asGenerated());
    assertEquals(
        new ColumnDescriptor("version", "version", JavaType.LONG, "BIGINT", false, false, true, true, null, true,
            false),
        ColumnDescriptor.column("version", "version", JavaType.LONG, "BIGINT").notNull().asGenerated()
            .withDefault().asVersion());
  }
}
