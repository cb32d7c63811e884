package dev.pounce.controller.rest;

import dev.pounce.controller.identity.CallerIdentity;
import dev.pounce.controller.usecase.KernelCatalogException;
import dev.pounce.controller.usecase.QueryKernels;
import dev.pounce.controller.usecase.RegisterKernel;
import dev.pounce.controller.usecase.StoreKernelBlob;
import dev.pounce.core.kernel.KernelImage;
import dev.pounce.slurm.api.Caller;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * The kernel catalog's REST API:
 *
 * <ul>
 *   <li>{@code PUT /api/v1/kernels/blobs/sha256:<hex>}: an image's bytes (admin);
 *   <li>{@code POST /api/v1/kernels}: register {@code {name, version, digest, protocol, arch,
 *       provenance}} for an uploaded blob (admin); 201 new, 200 the same entry again;
 *   <li>{@code GET /api/v1/kernels}: every entry; {@code GET /api/v1/kernels/<name>[?version=]}:
 *       one (latest version by default);
 *   <li>{@code GET /api/v1/kernels/sha256:<hex>/blob}: the image bytes, for node daemons.
 * </ul>
 *
 * Callers identify with {@code X-Pounce-Uid/Gid/User} headers, believed only in the development
 * trust mode (loopback); errors are {@code {"error": "..."}} with the status mapped here only.
 */
@ApplicationScoped
public class KernelRoutes {

  private static final Logger LOG = Logger.getLogger(KernelRoutes.class);
  private static final ExecutorService WORKERS = Executors.newVirtualThreadPerTaskExecutor();
  private static final long MAX_BLOB = 80L * 1024 * 1024;
  private static final String JSON = "application/json";

  private final CallerIdentity identity;
  private final StoreKernelBlob storeBlob;
  private final RegisterKernel register;
  private final QueryKernels query;

  KernelRoutes(
      CallerIdentity identity,
      StoreKernelBlob storeBlob,
      RegisterKernel register,
      QueryKernels query) {
    this.identity = identity;
    this.storeBlob = storeBlob;
    this.register = register;
    this.query = query;
  }

  void routes(@Observes Router router) {
    BodyHandler body = BodyHandler.create(false).setBodyLimit(MAX_BLOB);
    router.put("/api/v1/kernels/blobs/:digest").handler(body).handler(c -> work(c, this::putBlob));
    router.post("/api/v1/kernels").handler(body).handler(c -> work(c, this::post));
    router.get("/api/v1/kernels").handler(c -> work(c, this::list));
    router.get("/api/v1/kernels/:digest/blob").handler(c -> work(c, this::blob));
    router.get("/api/v1/kernels/:name").handler(c -> work(c, this::show));
  }

  @FunctionalInterface
  private interface Handler {
    void handle(RoutingContext ctx) throws KernelCatalogException;
  }

  private void work(RoutingContext ctx, Handler h) {
    WORKERS.execute(
        () -> {
          try {
            h.handle(ctx);
          } catch (KernelCatalogException e) {
            int status =
                switch (e.code()) {
                  case ACCESS_DENIED -> 403;
                  case INVALID -> 400;
                  case NOT_FOUND -> 404;
                  case CONFLICT -> 409;
                };
            json(ctx, status, KernelJson.error(e.getMessage()).encode());
          } catch (RuntimeException e) {
            LOG.error("kernel catalog request failed", e);
            json(ctx, 500, KernelJson.error("internal error: " + e).encode());
          }
        });
  }

  private void putBlob(RoutingContext ctx) throws KernelCatalogException {
    byte[] bytes = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    storeBlob.store(ctx.pathParam("digest"), bytes, caller(ctx));
    json(ctx, 201, new JsonObject().put("digest", ctx.pathParam("digest")).encode());
  }

  private void post(RoutingContext ctx) throws KernelCatalogException {
    JsonObject in;
    try {
      in = ctx.body().asJsonObject();
    } catch (RuntimeException e) {
      throw new KernelCatalogException(KernelCatalogException.Code.INVALID, "body is not JSON");
    }
    if (in == null) {
      throw new KernelCatalogException(KernelCatalogException.Code.INVALID, "empty body");
    }
    JsonObject prov = in.getJsonObject("provenance", new JsonObject());
    Caller caller = caller(ctx);
    String name = in.getString("name");
    String version = in.getString("version");
    boolean existed = name != null && version != null && query.find(name, version).isPresent();
    KernelImage k =
        register.register(
            RegisterKernel.request(
                name,
                version,
                in.getString("digest"),
                in.getString("protocol"),
                in.getString("arch"),
                prov.encode()),
            caller);
    json(ctx, existed ? 200 : 201, KernelJson.of(k).encode());
  }

  private void list(RoutingContext ctx) {
    json(ctx, 200, KernelJson.of(query.list()).encode());
  }

  private void show(RoutingContext ctx) throws KernelCatalogException {
    String name = ctx.pathParam("name");
    String version = ctx.queryParams().get("version");
    KernelImage k =
        query
            .find(name, version)
            .orElseThrow(
                () ->
                    new KernelCatalogException(
                        KernelCatalogException.Code.NOT_FOUND,
                        "no kernel " + name + (version == null ? "" : "@" + version)));
    json(ctx, 200, KernelJson.of(k).encode());
  }

  private void blob(RoutingContext ctx) throws KernelCatalogException {
    String digest = ctx.pathParam("digest");
    byte[] bytes =
        query
            .blob(digest)
            .orElseThrow(
                () ->
                    new KernelCatalogException(
                        KernelCatalogException.Code.NOT_FOUND, "no blob " + digest));
    ctx.response()
        .setStatusCode(200)
        .putHeader("Content-Type", "application/octet-stream")
        .putHeader("X-Pounce-Digest", digest)
        .end(Buffer.buffer(bytes));
  }

  private Caller caller(RoutingContext ctx) throws KernelCatalogException {
    Caller claimed;
    try {
      claimed =
          new Caller(
              Integer.parseInt(header(ctx, "X-Pounce-Uid")),
              Integer.parseInt(header(ctx, "X-Pounce-Gid")),
              header(ctx, "X-Pounce-User"),
              ctx.request().remoteAddress().hostAddress());
    } catch (NumberFormatException e) {
      throw new KernelCatalogException(
          KernelCatalogException.Code.ACCESS_DENIED, "Access/permission denied: no identity");
    }
    Optional<Caller> c = identity.establish(ctx.request().remoteAddress().hostAddress(), claimed);
    return c.orElseThrow(
        () ->
            new KernelCatalogException(
                KernelCatalogException.Code.ACCESS_DENIED,
                "Access/permission denied: untrusted caller"));
  }

  private static String header(RoutingContext ctx, String name) {
    String v = ctx.request().getHeader(name);
    return v == null ? "" : v;
  }

  private static void json(RoutingContext ctx, int status, String body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", JSON).end(body);
  }
}
