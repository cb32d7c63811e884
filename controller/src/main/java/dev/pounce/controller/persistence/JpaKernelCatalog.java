package dev.pounce.controller.persistence;

import dev.pounce.core.kernel.KernelImage;
import dev.pounce.core.port.KernelCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link KernelCatalog} on PostgreSQL ({@code V10__kernels.sql}), in plain JDBC on the
 * transaction's connection: entries in {@code kernels}, image bytes in {@code kernel_blobs}.
 */
@ApplicationScoped
public class JpaKernelCatalog implements KernelCatalog {

  private static final String COLUMNS =
      "name, version, digest, protocol, arch, size, provenance::text, created";

  private final EntityManager em;

  JpaKernelCatalog(EntityManager em) {
    this.em = em;
  }

  private <T> T jdbc(Jdbc.Work<T> w) {
    return Jdbc.on(em, w);
  }

  @Override
  public boolean hasBlob(String digest) {
    return jdbc(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT 1 FROM kernel_blobs WHERE digest = ?")) {
            ps.setString(1, digest);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next();
            }
          }
        });
  }

  @Override
  public void putBlob(String digest, byte[] bytes) {
    jdbc(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO kernel_blobs (digest, size, data) VALUES (?, ?, ?)"
                      + " ON CONFLICT (digest) DO NOTHING")) {
            ps.setString(1, digest);
            ps.setLong(2, bytes.length);
            ps.setBytes(3, bytes);
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public Optional<InputStream> blob(String digest) {
    return jdbc(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT data FROM kernel_blobs WHERE digest = ?")) {
            ps.setString(1, digest);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? Optional.<InputStream>of(new ByteArrayInputStream(rs.getBytes(1)))
                  : Optional.<InputStream>empty();
            }
          }
        });
  }

  @Override
  public boolean insert(KernelImage k) {
    return jdbc(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO kernels (name, version, digest, protocol, arch, size, provenance)"
                      + " VALUES (?, ?, ?, ?, ?, (SELECT size FROM kernel_blobs WHERE digest = ?), ?::json)"
                      + " ON CONFLICT (name, version) DO NOTHING")) {
            ps.setString(1, k.name());
            ps.setString(2, k.version());
            ps.setString(3, k.digest());
            ps.setString(4, k.protocol());
            ps.setString(5, k.arch());
            ps.setString(6, k.digest());
            ps.setString(7, k.provenanceJson());
            return ps.executeUpdate() == 1;
          }
        });
  }

  @Override
  public Optional<KernelImage> find(String name, String version) {
    return one("WHERE name = ? AND version = ?", name, version);
  }

  @Override
  public Optional<KernelImage> latest(String name) {
    return one("WHERE name = ? ORDER BY id DESC LIMIT 1", name);
  }

  @Override
  public List<KernelImage> list() {
    return query("ORDER BY name, id DESC");
  }

  private Optional<KernelImage> one(String where, String... args) {
    return query(where, args).stream().findFirst();
  }

  private List<KernelImage> query(String tail, String... args) {
    return jdbc(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT " + COLUMNS + " FROM kernels " + tail)) {
            for (int i = 0; i < args.length; i++) {
              ps.setString(i + 1, args[i]);
            }
            List<KernelImage> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new KernelImage(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getLong(6),
                        rs.getString(7),
                        rs.getTimestamp(8).toInstant()));
              }
            }
            return out;
          }
        });
  }
}
