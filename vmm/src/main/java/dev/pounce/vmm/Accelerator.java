package dev.pounce.vmm;

/** How QEMU executes guest code. */
public enum Accelerator {
  /** Binary translation: always works, the default. */
  TCG("tcg"),
  /** Hardware virtualisation; only when {@link AcceleratorProbe} saw a guest really boot. */
  KVM("kvm");

  private final String option;

  Accelerator(String option) {
    this.option = option;
  }

  /** The {@code -accel} value. */
  public String option() {
    return option;
  }
}
