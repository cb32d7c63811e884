package dev.pounce.vmm;

/** QEMU machine types a recipe may choose, with what each can attach. */
public enum Machine {
  /**
   * Minimal virtio-mmio machine; the fastest boot here. The legacy PIT, PIC and RTC are on: the
   * tiny kernel's timer calibration needs the PIT. It takes the ISA pvpanic device, though a guest
   * without ACPI has no way to find it.
   */
  MICROVM("microvm,pit=on,pic=on,rtc=on", false),
  /** i440FX PC with SeaBIOS: IDE CD-ROM, PCI virtio disks, ISA pvpanic. */
  PC("pc", true),
  /** Q35 with SeaBIOS: AHCI CD-ROM, PCI virtio disks, ISA pvpanic. */
  Q35("q35", true);

  private final String option;
  private final boolean cdrom;

  Machine(String option, boolean cdrom) {
    this.option = option;
    this.cdrom = cdrom;
  }

  /** The {@code -machine} value. */
  public String option() {
    return option;
  }

  /** Whether {@code -cdrom} has a controller to attach to. */
  public boolean hasCdrom() {
    return cdrom;
  }

  /** The virtio block device model for a disk on this machine. */
  String virtioBlock() {
    return this == MICROVM ? "virtio-blk-device" : "virtio-blk-pci";
  }

  /** The lower-case name used in configuration ({@code microvm}, {@code pc}, {@code q35}). */
  public String configName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
