package dev.lede.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

/** RFC 9457 problem details for API errors ({@code application/problem+json}). */
final class Problem {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Problem() {}

  static void send(Context ctx, int status, String title, String detail) {
    ObjectNode o = JSON.createObjectNode();
    o.put("type", "about:blank");
    o.put("title", title);
    o.put("status", status);
    o.put("detail", detail);
    o.put("instance", ctx.path());
    ctx.status(status).contentType("application/problem+json").result(o.toString());
  }
}
