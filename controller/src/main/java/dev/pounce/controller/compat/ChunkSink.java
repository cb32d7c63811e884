package dev.pounce.controller.compat;

import dev.pounce.slurm.api.OutputSink;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/** A streaming command's output as frames of a chunked response, one write per frame. */
final class ChunkSink implements OutputSink {

  private final HttpServerResponse response;
  private final AtomicBoolean gone;

  ChunkSink(HttpServerResponse response, AtomicBoolean gone) {
    this.response = response;
    this.gone = gone;
  }

  @Override
  public void out(byte[] bytes) {
    write("out", bytes);
  }

  @Override
  public void err(byte[] bytes) {
    write("err", bytes);
  }

  @Override
  public void frame(String tag, String value) {
    write(tag, value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public boolean open() {
    return !gone.get();
  }

  private synchronized void write(String tag, byte[] bytes) {
    if (gone.get() || bytes.length == 0) {
      return;
    }
    ByteArrayOutputStream f = new ByteArrayOutputStream(bytes.length + 16);
    Frames.write(f, tag, bytes);
    try {
      response.write(Buffer.buffer(f.toByteArray()));
    } catch (IllegalStateException e) { // closed under us
      gone.set(true);
    }
  }
}
