package dev.pounce.controller.compat;

import dev.pounce.controller.identity.CallerIdentity;
import dev.pounce.slurm.SlurmCommands;
import dev.pounce.slurm.api.Caller;
import dev.pounce.slurm.api.ClusterOps;
import dev.pounce.slurm.api.CommandRequest;
import dev.pounce.slurm.api.CommandResult;
import dev.pounce.slurm.api.OutputSink;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * {@code POST /compat/v1/run}: one SLURM command from the thin client. A plain Vert.x route: the
 * body is read on the event loop, then the command runs on a virtual thread (it touches the
 * database), and the answer goes back in one write; a streaming command (srun) writes a chunked
 * answer frame by frame while it runs.
 */
@ApplicationScoped
public class CompatResource {

  static final String FRAMES = "application/x-pounce-frames";
  private static final Logger LOG = Logger.getLogger(CompatResource.class);

  private final ClusterOps ops;
  private final CallerIdentity identity;

  CompatResource(ClusterOps ops, CallerIdentity identity) {
    this.ops = ops;
    this.identity = identity;
  }

  private static final ExecutorService WORKERS = Executors.newVirtualThreadPerTaskExecutor();
  private static final long MAX_BODY = 80L * 1024 * 1024;

  void routes(@Observes Router router) {
    router
        .post("/compat/v1/run")
        .handler(BodyHandler.create(false).setBodyLimit(MAX_BODY))
        .handler(this::handle);
  }

  private void handle(RoutingContext ctx) {
    byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    String peer = ctx.request().remoteAddress().hostAddress();
    HttpServerResponse response = ctx.response();
    AtomicBoolean gone = new AtomicBoolean();
    response.closeHandler(v -> gone.set(true)); // registered on the event loop, before any write
    WORKERS.execute(
        () -> {
          Parsed p = parse(body, peer);
          if (p.request != null && SlurmCommands.streams(p.request.command())) {
            stream(p.request, response, gone);
            return;
          }
          byte[] answer = p.request == null ? p.refusal : run(p.request);
          response.putHeader("Content-Type", FRAMES).end(Buffer.buffer(answer));
        });
  }

  /** Runs one request body from {@code peer}; returns the response body. */
  byte[] run(byte[] body, String peer) {
    Parsed p = parse(body, peer);
    return p.request == null ? p.refusal : run(p.request);
  }

  /** A decoded request, or the answer refusing it. */
  private record Parsed(CommandRequest request, byte[] refusal) {}

  private Parsed parse(byte[] body, String peer) {
    String cmd = "pounce";
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try {
      Decoded d = decode(Frames.decode(body));
      cmd = d.command;
      Optional<Caller> caller = identity.establish(peer, d.claimed);
      if (caller.isEmpty()) {
        Frames.write(out, "err", cmd + ": error: Authentication failure\n");
        Frames.write(out, "exit", "1");
        return new Parsed(null, out.toByteArray());
      }
      return new Parsed(
          new CommandRequest(
              d.command, d.args, d.env, d.cwd, caller.get(), d.key, d.files, d.fileErrors, d.tty),
          null);
    } catch (IllegalArgumentException e) {
      Frames.write(out, "err", cmd + ": error: malformed request: " + e.getMessage() + "\n");
      Frames.write(out, "exit", "1");
      return new Parsed(null, out.toByteArray());
    }
  }

  private byte[] run(CommandRequest req) {
    String cmd = req.command();
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try {
      CommandResult r = SlurmCommands.run(req, ops);
      for (String path : r.needFiles()) {
        Frames.write(out, "need", path);
      }
      if (r.stdout().length > 0) {
        Frames.write(out, "out", r.stdout());
      }
      if (r.stderr().length > 0) {
        Frames.write(out, "err", r.stderr());
      }
      Frames.write(out, "exit", Integer.toString(r.exitCode()));
    } catch (RuntimeException e) {
      LOG.errorf(e, "%s failed", cmd);
      out.reset();
      Frames.write(out, "err", cmd + ": error: " + e + "\n");
      Frames.write(out, "exit", "1");
    }
    return out.toByteArray();
  }

  /**
   * A streaming command (srun): chunked response, each frame written as the command produces it
   * (Vert.x queues writes made off the event loop), {@code exit} last.
   */
  private void stream(CommandRequest req, HttpServerResponse response, AtomicBoolean gone) {
    response.setChunked(true).putHeader("Content-Type", FRAMES);
    OutputSink sink = new ChunkSink(response, gone);
    int rc;
    try {
      rc = SlurmCommands.stream(req, ops, sink);
    } catch (RuntimeException e) {
      LOG.errorf(e, "%s failed", req.command());
      sink.err((req.command() + ": error: " + e + "\n").getBytes(StandardCharsets.UTF_8));
      rc = 1;
    }
    if (!gone.get()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(16);
      Frames.write(out, "exit", Integer.toString(rc));
      response.end(Buffer.buffer(out.toByteArray()));
    }
  }

  /** The request's frames, sorted into fields. */
  private static final class Decoded {
    String command = "pounce";
    final List<String> args = new ArrayList<>();
    final Map<String, String> env = new LinkedHashMap<>();
    String cwd = "/";
    Caller claimed;
    String key;
    final Map<String, byte[]> files = new HashMap<>();
    final Map<String, String> fileErrors = new HashMap<>();
    boolean tty;
  }

  private static Decoded decode(List<Frames.Frame> frames) {
    Decoded d = new Decoded();
    int uid = -1;
    int gid = -1;
    String user = null;
    String host = "localhost";
    for (Frames.Frame f : frames) {
      switch (f.tag()) {
        case "cmd" -> d.command = f.text();
        case "arg" -> d.args.add(f.text());
        case "env" -> {
          String e = f.text();
          int eq = e.indexOf('=');
          if (eq > 0) {
            d.env.put(e.substring(0, eq), e.substring(eq + 1));
          }
        }
        case "cwd" -> d.cwd = f.text();
        case "uid" -> uid = Integer.parseInt(f.text().trim());
        case "gid" -> gid = Integer.parseInt(f.text().trim());
        case "user" -> user = f.text();
        case "host" -> host = f.text();
        case "tty" -> d.tty = "1".equals(f.text().trim());
        case "key" -> d.key = f.text();
        case "file" -> {
          int lf = indexOfLf(f.value());
          String path = new String(f.value(), 0, lf, java.nio.charset.StandardCharsets.UTF_8);
          byte[] content = java.util.Arrays.copyOfRange(f.value(), lf + 1, f.value().length);
          d.files.put(path, content);
        }
        case "fileerr" -> {
          String t = f.text();
          int lf = t.indexOf('\n');
          d.fileErrors.put(lf < 0 ? t : t.substring(0, lf), lf < 0 ? "" : t.substring(lf + 1));
        }
        default -> {
          // Unknown tags are ignored: newer clients may send more.
        }
      }
    }
    if (uid < 0 || gid < 0 || user == null) {
      throw new IllegalArgumentException("uid, gid and user are required");
    }
    d.claimed = new Caller(uid, gid, user, host);
    return d;
  }

  private static int indexOfLf(byte[] b) {
    for (int i = 0; i < b.length; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    throw new IllegalArgumentException("file frame without a path line");
  }
}
