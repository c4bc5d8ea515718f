package dev.dataflow.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dataflow.models.ConversationMessageSchema;
import dev.dataflow.models.ConversationSessionSchema;
import dev.dataflow.models.CustomerSchema;
import dev.dataflow.models.OrderItemSchema;
import dev.dataflow.models.OrderSchema;
import dev.dataflow.models.OutletSchema;
import dev.dataflow.models.ProductSchema;
import dev.dataflow.models.UserInteractionSummarySchema;
import dev.dataflow.runtime.node.NodeRegistry;
import org.junit.jupiter.api.Test;

/**
 * The seed models as a Mermaid ER diagram: columns with SQL types, PK/UK/FK, NOT NULL, and each foreign key with its
 * referenced column, its cardinality (a NOT NULL key exactly one parent, a nullable one zero or one) and ON DELETE.
 */
class SeedModelsErDiagramTest {

  @Test
  void theSeedModelsDrawAsThisErDiagram() {
    NodeRegistry seed = NodeRegistry.builder()
        .addModel(new ConversationMessageSchema())
        .addModel(new ConversationSessionSchema())
        .addModel(new OutletSchema())
        .addModel(new UserInteractionSummarySchema())
        .build();
    assertEquals("""
        erDiagram
          conversation_messages {
            BIGINT id PK
            UUID session_id FK "not null"
            TEXT role "not null"
            TEXT content "not null"
            TIMESTAMPTZ timestamp "not null"
            VARCHAR_64 intent
            DOUBLE_PRECISION confidence
            BOOLEAN pii_scrubbed "not null"
            TIMESTAMPTZ created_at "not null"
            TIMESTAMPTZ updated_at "not null"
          }
          conversation_sessions {
            BIGINT id PK
            UUID session_id UK "not null"
            VARCHAR_64 user_id "not null"
            BIGINT outlet_id FK
            VARCHAR_8 language "not null"
            TIMESTAMPTZ start_time "not null"
            TIMESTAMPTZ end_time
            JSONB intents
            JSONB context
            TIMESTAMPTZ created_at "not null"
            TIMESTAMPTZ updated_at "not null"
          }
          outlets {
            BIGINT id PK
            VARCHAR_200 name "not null"
            VARCHAR_32 code UK
            TEXT address
            TIMESTAMPTZ created_at "not null"
            TIMESTAMPTZ updated_at "not null"
          }
          user_interaction_summaries {
            BIGINT id PK
            VARCHAR_64 user_id UK "not null"
            BIGINT outlet_id FK
            INTEGER total_conversations "not null"
            INTEGER total_messages "not null"
            JSONB intent_frequencies
            TIMESTAMPTZ last_interaction
            TIMESTAMPTZ created_at "not null"
            TIMESTAMPTZ updated_at "not null"
          }
          conversation_messages }o--|| conversation_sessions : "session_id → session_id, ON DELETE CASCADE"
          conversation_sessions }o--o| outlets : "outlet_id → id, ON DELETE SET NULL"
          user_interaction_summaries }o--o| outlets : "outlet_id → id, ON DELETE SET NULL"
        """, seed.toMermaidErDiagram());
  }

  @Test
  void theClasspathRegistryDrawsTheSameModelsInTheSameOrder() {
    NodeRegistry seed = NodeRegistry.builder().addModel(new ConversationMessageSchema())
        .addModel(new ConversationSessionSchema()).addModel(new CustomerSchema()).addModel(new OrderSchema())
        .addModel(new OrderItemSchema()).addModel(new OutletSchema()).addModel(new ProductSchema())
        .addModel(new UserInteractionSummarySchema()).build();
    assertEquals(seed.toMermaidErDiagram(), NodeRegistry.classpath().toMermaidErDiagram());
  }
}
