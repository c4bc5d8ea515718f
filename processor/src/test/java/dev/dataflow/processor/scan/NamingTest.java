package dev.dataflow.processor.scan;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamingTest {
  @Test
  void tableNamesAreSnakeCasePlurals() {
    assertThat(Naming.tableName("ConversationSession")).isEqualTo("conversation_sessions");
    assertThat(Naming.tableName("UserInteractionSummary")).isEqualTo("user_interaction_summaries");
    assertThat(Naming.tableName("Outlet")).isEqualTo("outlets");
    assertThat(Naming.tableName("Address")).isEqualTo("addresses");
    assertThat(Naming.tableName("Box")).isEqualTo("boxes");
    assertThat(Naming.tableName("Match")).isEqualTo("matches");
    assertThat(Naming.tableName("Wish")).isEqualTo("wishes");
    assertThat(Naming.tableName("Day")).isEqualTo("days");
  }

  @Test
  void columnNamesAreSnakeCase() {
    assertThat(Naming.snakeCase("sessionId")).isEqualTo("session_id");
    assertThat(Naming.snakeCase("piiScrubbed")).isEqualTo("pii_scrubbed");
    assertThat(Naming.snakeCase("URLValue")).isEqualTo("url_value");
    assertThat(Naming.snakeCase("id")).isEqualTo("id");
    assertThat(Naming.snakeCase("address2Line")).isEqualTo("address2_line");
  }

  @Test
  void longGeneratedNamesAreShortenedDeterministically() {
    String table = "a_table_with_a_rather_long_name_for_testing";
    String name = Naming.constraintName("idx", table, List.of("first_column", "second_column"));
    assertThat(name.length()).isEqualTo(63);
    assertThat(name).startsWith("idx_a_table_with_a_rather_long_name_for_testing_first_");
    assertThat(name).matches(".*_[0-9a-f]{8}");
    assertThat(Naming.constraintName("idx", table, List.of("first_column", "second_column"))).isEqualTo(name);
    assertThat(Naming.constraintName("idx", table, List.of("first_column", "second_columns"))).isNotEqualTo(name);
    assertThat(Naming.constraintName("uq", "t", List.of("c"))).isEqualTo("uq_t_c");
  }

  @Test
  void identifiersArePlainAndAtMost63Bytes() {
    assertThat(Naming.isPlainIdentifier("user_id$2")).isTrue();
    assertThat(Naming.isPlainIdentifier("2fast")).isFalse();
    assertThat(Naming.isPlainIdentifier("bad-name")).isFalse();
    assertThat(Naming.fitsLength("x".repeat(63))).isTrue();
    assertThat(Naming.fitsLength("x".repeat(64))).isFalse();
  }
}
