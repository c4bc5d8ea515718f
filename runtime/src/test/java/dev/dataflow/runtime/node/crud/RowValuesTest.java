package dev.dataflow.runtime.node.crud;

import static dev.dataflow.runtime.sql.Gadgets.MODEL;
import static dev.dataflow.runtime.sql.Gadgets.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.runtime.node.InvalidParameterException;
import dev.dataflow.runtime.node.ParamValues;
import dev.dataflow.runtime.sql.Increment;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The node layer is where CRUD input is checked, once, for the build-time checks and the nodes alike: the refusals
 * the SQL layer used to make now come from here, with the parameter and the fix.
 */
class RowValuesTest {

  private static InvalidParameterException refused(org.junit.jupiter.api.function.Executable call) {
    return assertThrows(InvalidParameterException.class, call);
  }

  @Test
  void orderByRefusesUnknownHostileAndRepeatedColumns() {
    InvalidParameterException unknown = refused(() -> RowValues.orderBy(MODEL, List.of("-nmae"), "order_by"));
    assertEquals("order_by", unknown.parameter());
    assertTrue(unknown.getMessage().contains("unknown column 'nmae'"), unknown.getMessage());
    assertTrue(unknown.getMessage().contains("Did you mean 'name'?"), unknown.getMessage());
    refused(() -> RowValues.orderBy(MODEL, List.of("name; drop table gadget"), "order_by"));
    InvalidParameterException twice = refused(() -> RowValues.orderBy(MODEL, List.of("name", "-name"), "order_by"));
    assertTrue(twice.reason().contains("listed twice"), twice.reason());
    assertEquals(List.of("-name", "qty"), RowValues.orderBy(MODEL, List.of("-name", "qty"), "order_by"));
    assertEquals(List.of("name"), RowValues.orderBy(MODEL, "name", "order_by"));
  }

  @Test
  void limitAndOffsetAreNonNegativeIntegers() {
    assertEquals("limit", refused(() -> ParamValues.nonNegativeInt(-5, "limit")).parameter());
    assertEquals("offset", refused(() -> ParamValues.nonNegativeInt("-1", "offset")).parameter());
    assertEquals(7, ParamValues.nonNegativeInt("7", "limit"));
  }

  @Test
  void updatesRefuseUnknownGeneratedOrNoColumnsAndValuesThatDoNotConvert() {
    InvalidParameterException unknown = refused(() -> RowValues.forUpdate(MODEL, map("nmae", "x"), "fields"));
    assertEquals("fields.nmae", unknown.parameter());
    assertTrue(unknown.getMessage().contains("Did you mean 'name'?"), unknown.getMessage());
    assertEquals("fields.updated_at",
        refused(() -> RowValues.forUpdate(MODEL, map("updated_at", Instant.now()), "fields")).parameter());
    assertEquals("fields", refused(() -> RowValues.forUpdate(MODEL, map(), "fields")).parameter());
    InvalidParameterException badValue = refused(() -> RowValues.forUpdate(MODEL, map("qty", 1.5), "fields"));
    assertEquals("fields.qty", badValue.parameter());
    assertTrue(badValue.reason().startsWith("column 'qty' takes an Integer"), badValue.reason());
  }

  @Test
  void incrementsRefuseOtherTypesAndValuesThatDoNotFitAndConvertTheAmountOnce() {
    assertEquals("fields.name.$inc",
        refused(() -> RowValues.forUpdate(MODEL, map("name", map("$inc", 1)), "fields")).parameter());
    assertEquals("fields.qty.$inc",
        refused(() -> RowValues.forUpdate(MODEL, map("qty", map("$inc", 1.5)), "fields")).parameter());
    Map<String, Object> converted = RowValues.forUpdate(MODEL, map("rank", map("$inc", 2)), "fields");
    assertEquals(new Increment((short) 2), converted.get("rank"));
  }

  @Test
  void insertsRefuseUnknownAndGeneratedColumns() {
    assertEquals("records.0.nmae", refused(() -> RowValues.forCreate(MODEL, map("nmae", "x"), "records.0"))
        .parameter());
    assertEquals("records.0.created_at",
        refused(() -> RowValues.forCreate(MODEL, map("created_at", Instant.now()), "records.0")).parameter());
  }

  @Test
  void conflictColumnsAreKnownDistinctAndGivenByAnInsert() {
    assertEquals("conflict_columns.0",
        refused(() -> RowValues.conflictColumns(MODEL, List.of("nmae"), "conflict_columns")).parameter());
    assertEquals("conflict_columns.1",
        refused(() -> RowValues.conflictColumns(MODEL, List.of("name", "name"), "conflict_columns")).parameter());
    assertEquals("conflict_columns",
        refused(() -> RowValues.conflictColumns(MODEL, List.of(), "conflict_columns")).parameter());
  }

  @Test
  void filtersReportTheSqlLayersRefusalAsTheParameters() {
    InvalidParameterException e = refused(() -> RowValues.filters(MODEL, map("qty", map("$gt", "many")), "filters"));
    assertEquals("filters.qty.$gt", e.parameter());
    assertInstanceOf(dev.dataflow.runtime.sql.InvalidValueException.class, e.getCause());
  }

  @Test
  void incrementsByNaNOrAnInfinityAreRefused() {
    for (Object amount : List.of(Double.NaN, Double.POSITIVE_INFINITY, "-Infinity", Float.NaN)) {
      InvalidParameterException e = refused(() -> RowValues.forUpdate(MODEL, map("score", map("$inc", amount)),
          "fields"));
      assertEquals("fields.score.$inc", e.parameter());
      assertTrue(e.reason().contains("finite number"), e.reason());
    }
    assertEquals("fields.ratio.$inc",
        refused(() -> RowValues.forUpdate(MODEL, map("ratio", map("$inc", Float.NaN)), "fields")).parameter());
    // As a value NaN is stored as it is: PostgreSQL's REAL and DOUBLE PRECISION hold it.
    assertTrue(Double.isNaN((Double) RowValues.forUpdate(MODEL, map("score", Double.NaN), "fields").get("score")));
  }

  @Test
  void storedValuesAndIncrementsMustFitTheColumnsNumericPrecision() {
    InvalidParameterException scale = refused(() -> RowValues.forUpdate(MODEL, map("price", "1.005"), "fields"));
    assertEquals("fields.price", scale.parameter());
    assertEquals("records.0.price",
        refused(() -> RowValues.forCreate(MODEL, map("id", java.util.UUID.randomUUID(), "name", "x", "price", "123456789"),
            "records.0")).parameter());
    assertEquals("fields.price.$inc",
        refused(() -> RowValues.forUpdate(MODEL, map("price", map("$inc", "0.001")), "fields")).parameter());
    assertEquals(new Increment(new java.math.BigDecimal("0.10")),
        RowValues.forUpdate(MODEL, map("price", map("$inc", "0.100")), "fields").get("price"));
  }

  @Test
  void unknownNamesAreEchoedCut() {
    String name = "q".repeat(10_000_000);
    InvalidParameterException column = refused(() -> RowValues.forUpdate(MODEL, map(name, 1), "fields"));
    assertEquals("fields." + "q".repeat(64) + "...", column.parameter());
    InvalidParameterException operator = refused(() -> RowValues.forUpdate(MODEL, map("qty", map("$" + name, 1)),
        "fields"));
    assertEquals("fields.qty.$" + "q".repeat(63) + "...", operator.parameter());
    InvalidParameterException orderBy = refused(() -> RowValues.orderBy(MODEL, List.of("-" + name), "order_by"));
    assertTrue(orderBy.getMessage().length() < 1000, orderBy.getMessage());
    for (InvalidParameterException e : List.of(column, operator)) {
      assertTrue(e.getMessage().length() < 1000, e.getMessage());
    }
  }
}
