/**
 * A QEMU Machine Protocol client over the VM's unix socket ({@link dev.pounce.vmm.qmp.QmpClient}),
 * with the small JSON reader/writer it needs ({@link dev.pounce.vmm.qmp.Json}). One reader thread
 * per connection; commands may be issued from any thread.
 */
package dev.pounce.vmm.qmp;
