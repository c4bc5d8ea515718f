package dev.dataflow.examples.service;

import dev.dataflow.models.ConversationMessageCountNode;
import dev.dataflow.models.ConversationMessageListNode;
import dev.dataflow.models.ConversationSessionListNode;
import dev.dataflow.runtime.LocalRuntime;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.WorkflowResult;
import dev.dataflow.runtime.WorkflowValidationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/user/{user_id}/history}: a user's sessions, newest first, a page at a time. Pages are keyset pages
 * ({@code cursor}/{@code next_cursor} of the List node over {@code -start_time}), so a page costs the same wherever it
 * is and sessions started meanwhile do not shift the pages. Each session carries its message count (one grouped
 * Count over the page's sessions) and its last message (one List node of one row per session).
 */
final class UserHistory {
  /** The page size when {@code limit} is not given. */
  static final int DEFAULT_LIMIT = 50;
  /** The largest page. */
  static final int MAX_LIMIT = 200;
  /** The longest user id, as {@code conversation_sessions.user_id} is declared. */
  static final int MAX_USER_ID_LENGTH = 64;

  private final LocalRuntime runtime;

  UserHistory(LocalRuntime runtime) {
    this.runtime = runtime;
  }

  /**
   * One page of the user's history.
   *
   * @throws BadRequestException naming {@code limit}, {@code cursor} or {@code user_id} when it is unusable
   * @throws ApiError (404) when the user has no session at all (asked without a cursor)
   */
  Map<String, Object> page(String userId, String limitParam, String cursor) {
    if (userId.isBlank() || userId.length() > MAX_USER_ID_LENGTH) {
      throw new BadRequestException("user_id", "user_id must be 1 to " + MAX_USER_ID_LENGTH + " characters");
    }
    int limit = limit(limitParam);
    ConversationSessionListNode.Params sessions = ConversationSessionListNode.params()
        .filters(Map.of("user_id", userId))
        .orderBy("-start_time")
        .limit(limit);
    if (cursor != null) {
      sessions.cursor(cursor);
    }
    Map<String, Object> page;
    try {
      page = runtime.execute(new WorkflowBuilder().addNode("sessions", sessions).build()).get("sessions");
    } catch (WorkflowValidationException e) {
      if (e.problems().stream().anyMatch(p -> "cursor".equals(p.parameter()))) {
        throw new BadRequestException("cursor", "cursor is not a next_cursor of this user's history; start again"
            + " without cursor");
      }
      throw e;
    }
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> records = (List<Map<String, Object>>) page.get("records");
    if (records.isEmpty() && cursor == null) {
      throw new ApiError(404, "user_id", "no conversation history for this user_id");
    }

    Map<Object, Object> messageCounts = new HashMap<>();
    Map<Object, Object> lastMessages = new HashMap<>();
    if (!records.isEmpty()) {
      List<Object> ids = records.stream().map(r -> r.get("session_id")).toList();
      WorkflowBuilder details = new WorkflowBuilder()
          .addNode("counts", ConversationMessageCountNode.params()
              .filters(Map.of("session_id", Map.of("$in", ids)))
              .groupBy("session_id")
              .limit(ids.size()));
      for (int i = 0; i < ids.size(); i++) {
        details.addNode("last_" + i, ConversationMessageListNode.params()
            .filters(Map.of("session_id", ids.get(i)))
            .orderBy("-timestamp")
            .limit(1));
      }
      WorkflowResult result = runtime.execute(details.build());
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> groups = (List<Map<String, Object>>) result.get("counts").get("groups");
      for (Map<String, Object> group : groups) {
        messageCounts.put(group.get("session_id"), group.get("count"));
      }
      for (int i = 0; i < ids.size(); i++) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> last = (List<Map<String, Object>>) result.get("last_" + i).get("records");
        if (!last.isEmpty()) {
          lastMessages.put(ids.get(i), last.get(0).get("content"));
        }
      }
    }

    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> record : records) {
      Map<String, Object> session = new LinkedHashMap<>();
      Object id = record.get("session_id");
      session.put("session_id", String.valueOf(id));
      session.put("start_time", String.valueOf(record.get("start_time")));
      session.put("language", record.get("language"));
      session.put("message_count", messageCounts.getOrDefault(id, 0L));
      session.put("last_message", lastMessages.get(id));
      out.add(session);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("user_id", userId);
    body.put("sessions", out);
    body.put("next_cursor", page.get("next_cursor"));
    return body;
  }

  private static int limit(String value) {
    if (value == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadRequestException("limit", "limit must be an integer from 1 to " + MAX_LIMIT);
  }
}
