package dev.pounce.controller.rest;

import dev.pounce.core.kernel.KernelImage;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Catalog entries as the REST API's JSON ({@code docs/kernels.md}). */
final class KernelJson {
  private KernelJson() {}

  static JsonObject of(KernelImage k) {
    JsonObject provenance;
    try {
      provenance = new JsonObject(k.provenanceJson());
    } catch (RuntimeException e) {
      provenance = new JsonObject();
    }
    return new JsonObject()
        .put("name", k.name())
        .put("version", k.version())
        .put("digest", k.digest())
        .put("protocol", k.protocol())
        .put("arch", k.arch())
        .put("size", k.size())
        .put("created", k.created().toString())
        .put("provenance", provenance);
  }

  static JsonArray of(List<KernelImage> all) {
    JsonArray a = new JsonArray();
    all.forEach(k -> a.add(of(k)));
    return a;
  }

  static JsonObject error(String message) {
    return new JsonObject().put("error", message);
  }
}
