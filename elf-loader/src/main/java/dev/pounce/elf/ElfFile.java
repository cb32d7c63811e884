package dev.pounce.elf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A whole ELF64 x86-64 executable, parsed and checked: header, program headers, segment sanity,
 * entry point, interpreter and section header bounds. Immutable; the checks are in the order the
 * kernel would trip over them, and the first failure is reported as one line.
 *
 * @param file the name used in messages (e.g. the task's path as the user gave it)
 * @param header the file header
 * @param size the file size in bytes
 * @param programHeaders all program headers, in table order
 * @param interpreter the {@code PT_INTERP} path, if any
 * @param gnuAbiTag the GNU ABI tag note (e.g. {@code Linux 3.2.0}), a sign of glibc, if any
 */
public record ElfFile(
    String file,
    ElfHeader header,
    long size,
    List<ProgramHeader> programHeaders,
    Optional<String> interpreter,
    Optional<String> gnuAbiTag) {

  /** Interpreter check for the node this runs on: the path exists as a regular file. */
  public static final Predicate<String> ON_THIS_NODE = p -> Files.isRegularFile(Path.of(p));

  /** Interpreter check that accepts any path, for a controller that cannot see the node. */
  public static final Predicate<String> ANY_INTERPRETER = p -> true;

  /** Largest file {@link #read} loads into memory. */
  public static final long MAX_SIZE = Integer.MAX_VALUE - 8;

  /** Copies the list. */
  public ElfFile {
    programHeaders = List.copyOf(programHeaders);
  }

  /**
   * Parses and checks a whole file.
   *
   * @param file the name used in error messages
   * @param bytes the entire file
   * @param interpreterPresent says whether a {@code PT_INTERP} path exists where the task runs
   * @throws ElfException with a one-line reason for the first problem found
   */
  public static ElfFile parse(String file, byte[] bytes, Predicate<String> interpreterPresent)
      throws ElfException {
    ElfHeader h = ElfHeader.read(file, bytes);
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (bytes[6] != 1 || b.getInt(20) != 1) {
      throw new ElfException(
          file, "unsupported ELF version " + (bytes[6] != 1 ? bytes[6] : b.getInt(20)));
    }
    if (bytes[7] != 0 && bytes[7] != 3) {
      throw new ElfException(file, "unsupported OS ABI " + bytes[7]);
    }
    checkTable(file, "program", h.phoff(), h.phnum(), h.phentsize(), bytes.length);
    List<ProgramHeader> headers = new ArrayList<>();
    for (int i = 0; i < h.phnum(); i++) {
      headers.add(ProgramHeader.read(b, i, (int) h.phoff() + i * h.phentsize()));
    }
    SegmentRules.check(file, bytes.length, headers, h.entry());
    Optional<String> interp = Interpreter.path(file, bytes, headers);
    int shnum = Short.toUnsignedInt(b.getShort(60));
    if (b.getLong(40) != 0) {
      int shentsize = Short.toUnsignedInt(b.getShort(58));
      checkTable(file, "section", b.getLong(40), Math.max(shnum, 1), shentsize, bytes.length);
    }
    Optional<String> tag = Optional.empty();
    for (ProgramHeader p : headers) {
      if (p.type() == ProgramHeader.PT_NOTE && tag.isEmpty()) {
        tag = Notes.gnuAbiTag(bytes, p);
      }
    }
    if (interp.isPresent() && !interpreterPresent.test(interp.get())) {
      throw new ElfException(file, "interpreter " + interp.get() + " not found on this node");
    }
    return new ElfFile(file, h, bytes.length, headers, interp, tag);
  }

  /**
   * Reads {@code path} and {@link #parse parses} it; a file that cannot be read is an error too.
   */
  public static ElfFile read(String file, Path path, Predicate<String> interpreterPresent)
      throws ElfException {
    try {
      long size = Files.size(path);
      if (size > MAX_SIZE) {
        throw new ElfException(file, "too large to inspect (" + size + " bytes)");
      }
      return parse(file, Files.readAllBytes(path), interpreterPresent);
    } catch (NoSuchFileException e) {
      throw new ElfException(file, "no such file");
    } catch (AccessDeniedException e) {
      throw new ElfException(file, "permission denied");
    } catch (IOException e) {
      throw new ElfException(file, "cannot read (" + e.getMessage() + ")");
    }
  }

  private static void checkTable(String file, String kind, long off, int n, int entsize, long size)
      throws ElfException {
    if (off < 0 || off > size - (long) n * entsize) {
      throw new ElfException(file, "truncated: " + kind + " headers end past the end of the file");
    }
  }

  /** How it is linked, from its type and {@code PT_INTERP}. */
  public Linkage linkage() {
    if (interpreter.isPresent()) {
      return Linkage.DYNAMIC;
    }
    return header.pie() ? Linkage.STATIC_PIE : Linkage.STATIC_NOPIE;
  }

  /** The {@code PT_LOAD} segments, in address order. */
  public List<ProgramHeader> loadSegments() {
    return programHeaders.stream().filter(ProgramHeader::loadable).toList();
  }

  /** The first program header of {@code type}, if any. */
  public Optional<ProgramHeader> first(int type) {
    return programHeaders.stream().filter(p -> p.type() == type).findFirst();
  }

  /** True when the stack is executable: {@code PT_GNU_STACK} says so or is missing. */
  public boolean executableStack() {
    return first(ProgramHeader.PT_GNU_STACK).map(ProgramHeader::executable).orElse(true);
  }
}
