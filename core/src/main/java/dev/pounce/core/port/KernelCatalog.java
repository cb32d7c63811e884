package dev.pounce.core.port;

import dev.pounce.core.kernel.KernelImage;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Durable storage of the kernel catalog: entries and the image bytes they name (blobs, by digest).
 * Every method runs inside the caller's transaction.
 */
public interface KernelCatalog {

  /** Whether the blob of {@code digest} ({@code sha256:<hex>}) is stored. */
  boolean hasBlob(String digest);

  /** Stores a blob whose digest the caller has verified; a blob already there is kept. */
  void putBlob(String digest, byte[] bytes);

  /** A stored blob's bytes as a stream (read inside the transaction), if present. */
  Optional<InputStream> blob(String digest);

  /**
   * Inserts an entry (its size is its blob's); false when {@code name@version} exists already
   * (nothing written).
   */
  boolean insert(KernelImage image);

  /** One entry by name and version. */
  Optional<KernelImage> find(String name, String version);

  /** The newest entry (by registration) of a name. */
  Optional<KernelImage> latest(String name);

  /** Every entry, by name then newest first. */
  List<KernelImage> list();
}
