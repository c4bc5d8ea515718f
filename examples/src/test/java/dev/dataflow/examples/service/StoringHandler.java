package dev.dataflow.examples.service;

import dev.dataflow.models.ConversationMessageCreateNode;
import dev.dataflow.models.ConversationSessionCreateNode;
import dev.dataflow.models.MessageRole;
import dev.dataflow.models.OutletExistsNode;
import dev.dataflow.runtime.DataFlow;
import dev.dataflow.runtime.LocalRuntime;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.WorkflowResult;
import java.time.Instant;
import java.util.UUID;

/**
 * A stand-in {@link MessageHandler} for the route tests: writes a real session (when none is given), the customer's
 * message and an answer with the generated nodes, so history and analytics have rows to read. Intent
 * {@code order_placement} (confidence 0.9) when the text mentions boxes, else {@code greeting} (0.6); no orders.
 */
final class StoringHandler implements MessageHandler {
  private final DataFlow db;
  private final LocalRuntime runtime;

  StoringHandler(DataFlow db) {
    this.db = db;
    this.runtime = new LocalRuntime(db);
  }

  @Override
  public MessageReply handle(IncomingMessage message) {
    boolean outletExists = (Boolean) runtime.execute(new WorkflowBuilder()
        .addNode("outlet", OutletExistsNode.params().id(message.outletId())).build()).get("outlet").get("exists");
    if (!outletExists) {
      throw new BadRequestException("outlet_id", "outlet_id names no outlet");
    }
    UUID sessionId = message.sessionId() == null ? UUID.randomUUID() : message.sessionId();
    boolean order = message.message().contains("boxes");
    String intent = order ? "order_placement" : "greeting";
    double confidence = order ? 0.9 : 0.6;
    WorkflowBuilder workflow = new WorkflowBuilder();
    if (message.sessionId() == null) {
      workflow.addNode("session", ConversationSessionCreateNode.params().sessionId(sessionId)
          .userId(message.whatsappUserId()).outletId(message.outletId()).language("en").startTime(Instant.now()));
    }
    workflow.addNode("user", ConversationMessageCreateNode.params().sessionId(sessionId).role(MessageRole.user)
        .content(message.message()).intent(intent).confidence(confidence).timestamp(Instant.now()));
    workflow.addNode("answer", ConversationMessageCreateNode.params().sessionId(sessionId)
        .role(MessageRole.assistant).content("Noted.").timestamp(Instant.now().plusMillis(1)));
    if (message.sessionId() == null) {
      workflow.addDependency("session", "user").addDependency("user", "answer");
    } else {
      workflow.addDependency("user", "answer");
    }
    WorkflowResult result = runtime.execute(workflow.build());
    long messageId = ((Number) result.get("user").get("id")).longValue();
    return new MessageReply(sessionId, messageId, intent, confidence, "en", "Noted.", null);
  }

  DataFlow db() {
    return db;
  }
}
