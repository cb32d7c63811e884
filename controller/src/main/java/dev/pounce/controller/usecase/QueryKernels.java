package dev.pounce.controller.usecase;

import dev.pounce.core.kernel.KernelImage;
import dev.pounce.core.kernel.KernelRef;
import dev.pounce.core.port.KernelCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** Read paths over the kernel catalog: list, one entry, a blob's bytes (for node daemons). */
@ApplicationScoped
public class QueryKernels {

  private final KernelCatalog catalog;

  QueryKernels(KernelCatalog catalog) {
    this.catalog = catalog;
  }

  public List<KernelImage> list() {
    return Tx.callUnchecked(catalog::list);
  }

  /** {@code name@version}, or the latest version of {@code name} when {@code version} is null. */
  public Optional<KernelImage> find(String name, String version) {
    return Tx.callUnchecked(() -> lookup(catalog, name, version));
  }

  /** A blob's bytes by digest ({@code sha256:<hex>}). */
  public Optional<byte[]> blob(String digest) {
    return Tx.callUnchecked(
        () ->
            catalog
                .blob(digest)
                .map(
                    in -> {
                      try (InputStream s = in) {
                        return s.readAllBytes();
                      } catch (IOException e) {
                        throw new UncheckedIOException(e);
                      }
                    }));
  }

  /**
   * What a job's {@code --kernel=name[@version]} names, inside the caller's transaction: the entry,
   * or empty when the catalog has no such kernel.
   */
  static Optional<KernelRef> resolve(KernelCatalog catalog, KernelRef asked) {
    return lookup(catalog, asked.name(), asked.version()).map(KernelImage::ref);
  }

  private static Optional<KernelImage> lookup(KernelCatalog catalog, String name, String version) {
    return version == null ? catalog.latest(name) : catalog.find(name, version);
  }
}
