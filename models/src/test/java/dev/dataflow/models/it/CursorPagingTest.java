package dev.dataflow.models.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.models.testing.AllTypesListNode;
import dev.dataflow.models.testing.DatabaseTest;
import dev.dataflow.models.testing.Tables;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.WorkflowExecutionException;
import dev.dataflow.runtime.WorkflowValidationException;
import dev.dataflow.runtime.node.InvalidParameterException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * List pages by {@code cursor} over 10,000 rows whose order columns have many ties and NULLs: every row exactly once,
 * in the order one query gives, whatever the directions; {@code total}; and every cursor that does not belong
 * refused.
 */
class CursorPagingTest extends DatabaseTest {
  private static final int ROWS = 10_000;

  @BeforeAll
  static void tenThousandRows() {
    Tables.execute(db, "TRUNCATE all_types RESTART IDENTITY");
    // small_number: 7 values (NOT NULL); count: 11 values and NULL for every fifth row; happened_at: 13 values.
    Tables.execute(db, "INSERT INTO all_types (text, score, small_number, count, happened_at) "
        + "SELECT 't' || g, g, g % 7, CASE WHEN g % 5 = 0 THEN NULL ELSE g % 11 END, "
        + "timestamptz '2026-01-01 00:00:00+00' + (g % 13) * interval '1 hour' FROM generate_series(1, " + ROWS
        + ") g");
  }

  private static Map<String, Object> list(Map<String, Object> params) {
    return run("AllTypesListNode", params);
  }

  @SuppressWarnings("unchecked")
  private static List<Long> ids(Map<String, Object> page) {
    List<Long> ids = new ArrayList<>();
    for (Map<String, Object> row : (List<Map<String, Object>>) page.get("records")) {
      ids.add((Long) row.get("id"));
    }
    return ids;
  }

  /** Every page of {@code orderBy} and {@code filters} by cursor, and the same rows in one query. */
  private static void assertPagesMatchOneQuery(List<String> orderBy, Map<String, Object> filters, int pageSize) {
    List<Long> expected = ids(list(Map.of("order_by", orderBy, "filters", filters, "limit", ROWS + 1)));
    List<Long> paged = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Map<String, Object> params = new HashMap<>(Map.of("order_by", orderBy, "filters", filters, "limit", pageSize));
      if (cursor != null) {
        params.put("cursor", cursor);
      }
      Map<String, Object> page = list(params);
      paged.addAll(ids(page));
      cursor = (String) page.get("next_cursor");
      assertEquals(cursor != null, ids(page).size() == pageSize, "next_cursor exactly when the page is full");
      pages++;
    } while (cursor != null);
    assertEquals(new HashSet<>(paged).size(), paged.size(), orderBy + ": a row came twice");
    assertEquals(expected, paged, orderBy + ": every row once, in the order of one query");
    assertTrue(pages > 5, "paged " + pages + " times");
  }

  @Test
  void ascendingNotNullColumnWithTiesUsesEveryRowOnce() {
    assertPagesMatchOneQuery(List.of("small_number"), Map.of(), 700);
  }

  @Test
  void allDescendingWithTheKeyListed() {
    assertPagesMatchOneQuery(List.of("-small_number", "-happened_at", "-id"), Map.of(), 999);
  }

  @Test
  void mixedDirectionsAndNullsInTheOrderColumn() {
    assertPagesMatchOneQuery(List.of("-count", "happened_at"), Map.of(), 650);
    assertPagesMatchOneQuery(List.of("count", "-small_number"), Map.of(), 1000);
  }

  @Test
  void filtersApplyOnEveryPage() {
    assertPagesMatchOneQuery(List.of("happened_at"), Map.of("small_number", Map.of("$in", List.of(1, 2, 3))), 333);
  }

  @Test
  void typedParamsPageAndTotalCountsAllMatchingRows() {
    Map<String, Object> first = runtime.execute(new WorkflowBuilder()
        .addNode("n", AllTypesListNode.params().orderBy("-count").limit(10).total(true)).build()).get("n");
    assertEquals((long) ROWS, first.get("total"));
    Map<String, Object> second = runtime.execute(new WorkflowBuilder()
        .addNode("n", AllTypesListNode.params().orderBy("-count").limit(10).total(true)
            .cursor((String) first.get("next_cursor"))).build()).get("n");
    assertEquals((long) ROWS, second.get("total"), "total ignores limit and cursor");
    assertEquals(10, ids(second).size());
    assertTrue(ids(first).stream().noneMatch(ids(second)::contains));
    assertFalse(list(Map.of("limit", 5)).containsKey("total"), "total only when asked");
  }

  /** The cursor is written when it is read, but says where the page ended when it was listed. */
  @Test
  @SuppressWarnings("unchecked")
  void theCursorIsTheLastRowAsListedEvenIfTheCallerChangedTheRowsSince() {
    Map<String, Object> first = list(Map.of("order_by", List.of("score"), "limit", 3));
    assertEquals(List.of(1L, 2L, 3L), ids(first));
    ((List<Map<String, Object>>) first.get("records")).get(2).put("score", 9_999_999.0);
    Map<String, Object> second = list(Map.of("order_by", List.of("score"), "limit", 3,
        "cursor", first.get("next_cursor")));
    assertEquals(List.of(4L, 5L, 6L), ids(second));
  }

  @Test
  void noCursorAfterTheLastPage() {
    Map<String, Object> page = list(Map.of("filters", Map.of("id", Map.of("$lte", 3)), "limit", 5));
    assertEquals(3, ids(page).size());
    assertNull(page.get("next_cursor"));
  }

  private static String firstCursor() {
    return (String) list(Map.of("order_by", List.of("happened_at"), "limit", 3)).get("next_cursor");
  }

  private static WorkflowValidationException.Problem refused(String type, Map<String, ?> params) {
    var e = assertThrows(WorkflowValidationException.class,
        () -> new WorkflowBuilder().addNode(type, "n", params).build());
    return e.problems().get(0);
  }

  private static void assertRefused(String messagePart, Map<String, ?> params) {
    WorkflowValidationException.Problem problem = refused("AllTypesListNode", params);
    assertEquals("cursor", problem.parameter(), problem.toString());
    assertTrue(problem.message().contains(messagePart), problem.message());
  }

  @Test
  void aTamperedCursorIsRefused() {
    String cursor = firstCursor();
    String payload = cursor.substring(0, cursor.indexOf('.'));
    String json = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
    String edited = json.replace("\"after\":[\"", "\"after\":[\"1");
    assertTrue(!edited.equals(json), json);
    String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(edited.getBytes(StandardCharsets.UTF_8))
        + cursor.substring(cursor.indexOf('.'));
    List<String> order = List.of("happened_at");
    assertRefused("damaged or was changed", Map.of("order_by", order, "cursor", tampered));
    assertRefused("damaged or was changed", Map.of("order_by", order, "cursor", cursor.substring(1)));
    assertRefused("damaged or was changed", Map.of("order_by", order, "cursor", "not a cursor"));
    assertRefused("next_cursor string", Map.of("order_by", order, "cursor", 42));
  }

  @Test
  void aCursorOfAnotherModelOrderOrFilterSetIsRefused() {
    String cursor = firstCursor();
    assertRefused("ordered by [happened_at, id], not by [-happened_at, id]",
        Map.of("order_by", List.of("-happened_at"), "cursor", cursor));
    assertRefused("other filters", Map.of("order_by", List.of("happened_at"), "cursor", cursor,
        "filters", Map.of("small_number", 1)));
    var otherModel = refused("OutletListNode", Map.of("order_by", List.of("name"), "cursor", cursor));
    assertTrue(otherModel.message().contains("from a list of AllTypes, not of Outlet"), otherModel.message());
    var withOffset = refused("AllTypesListNode", Map.of("order_by", List.of("happened_at"), "cursor", cursor,
        "offset", 3));
    assertEquals("offset", withOffset.parameter());
  }

  @Test
  void aConnectedCursorIsCheckedWhenTheNodeRuns() {
    String cursor = firstCursor();
    var e = assertThrows(WorkflowExecutionException.class, () -> runtime.execute(new WorkflowBuilder()
        .addNode("AllTypesListNode", "first", Map.of("order_by", List.of("happened_at"), "limit", 3))
        .addNode("AllTypesListNode", "second", Map.of("order_by", List.of("-happened_at"), "limit", 3))
        .addConnection("first", "next_cursor", "second", "cursor")
        .build()));
    InvalidParameterException cause = (InvalidParameterException) e.getCause();
    assertEquals("cursor", cause.parameter());
    assertTrue(cause.reason().contains("ordered by"), cause.reason());
    assertTrue(cursor != null);
  }

  @Test
  void aCursorIsLoggedOnlyWhenItsSortKeysHoldNoPersonalData() {
    var node = (dev.dataflow.runtime.node.crud.ListNode) db.registry().node("ConversationSessionListNode");
    Tables.execute(db, "TRUNCATE conversation_sessions CASCADE");
    for (int i = 0; i < 3; i++) {
      run("ConversationSessionCreateNode", Map.of("session_id", java.util.UUID.randomUUID(), "user_id", "659" + i));
    }
    String byUser = (String) run("ConversationSessionListNode", Map.of("order_by", List.of("user_id"), "limit", 1))
        .get("next_cursor");
    String byKey = (String) run("ConversationSessionListNode", Map.of("limit", 1)).get("next_cursor");
    assertEquals("<pii>", node.loggableParameters(Map.of("cursor", byUser)).get("cursor"));
    assertEquals("<pii>", node.loggableParameters(Map.of("cursor", "unreadable")).get("cursor"));
    assertEquals(byKey, node.loggableParameters(Map.of("cursor", byKey)).get("cursor"));
  }
}
