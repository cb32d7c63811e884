package dev.pounce.vmm;

/** QEMU machine types a recipe may choose, with what each can attach. */
public enum Machine {
  /**
   * Minimal virtio-mmio machine; the fastest boot here. The legacy PIT, PIC and RTC are on: the
   * tiny kernel's timer calibration needs the PIT.
   */
  MICROVM("microvm,pit=on,pic=on,rtc=on", false, false),
  /** i440FX PC with SeaBIOS: IDE CD-ROM, PCI virtio disks, ISA pvpanic. */
  PC("pc", true, true),
  /** Q35 with SeaBIOS: AHCI CD-ROM, PCI virtio disks, ISA pvpanic. */
  Q35("q35", true, true);

  private final String option;
  private final boolean cdrom;
  private final boolean pvpanic;

  Machine(String option, boolean cdrom, boolean pvpanic) {
    this.option = option;
    this.cdrom = cdrom;
    this.pvpanic = pvpanic;
  }

  /** The {@code -machine} value. */
  public String option() {
    return option;
  }

  /** Whether {@code -cdrom} has a controller to attach to. */
  public boolean hasCdrom() {
    return cdrom;
  }

  /** Whether the ISA {@code pvpanic} device (guest panic event over QMP) is available. */
  public boolean hasPvpanic() {
    return pvpanic;
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
