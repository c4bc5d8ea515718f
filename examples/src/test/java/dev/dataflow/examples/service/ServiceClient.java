package dev.dataflow.examples.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Real HTTP on loopback against a started {@link ConversationService}, with {@link HttpClient}. */
final class ServiceClient {
  static final ObjectMapper JSON = new ObjectMapper();

  /** A response: status, body as text and, when it is JSON, as a tree. */
  record Response(int status, String body, String contentType) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;
  private final String token;

  ServiceClient(int port, String token) {
    this.base = "http://127.0.0.1:" + port;
    this.token = token;
  }

  Response get(String path) {
    return send(request(path).GET(), token);
  }

  Response get(String path, String authorization) {
    return send(request(path).GET(), authorization == null ? null : authorization);
  }

  Response post(String path, String body) {
    return post(path, body.getBytes(StandardCharsets.UTF_8));
  }

  Response post(String path, byte[] body) {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)), token);
  }

  /** POSTs a message as the route takes it; {@code sessionId} may be null. */
  Response postMessage(String userId, long outletId, String message, String sessionId) {
    com.fasterxml.jackson.databind.node.ObjectNode body = JSON.createObjectNode()
        .put("whatsapp_user_id", userId).put("outlet_id", outletId).put("message", message);
    if (sessionId != null) {
      body.put("session_id", sessionId);
    }
    return post("/api/whatsapp/message", body.toString());
  }

  Response send(HttpRequest.Builder request, String bearer) {
    if (bearer != null) {
      request.header("Authorization", bearer.contains(" ") ? bearer : "Bearer " + bearer);
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body(),
          response.headers().firstValue("Content-Type").orElse(""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
  }
}
