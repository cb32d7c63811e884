/**
 * kernel-build: drives Kbuild-style trees (Linux, Kitten) from a {@link
 * dev.pounce.kernel.KernelRecipe} (base config + fragments, olddefconfig, every requested option
 * verified, make targets out of tree), stores the result as a content-addressed artifact with
 * provenance in the {@link dev.pounce.kernel.KernelCache}, and talks to the controller's kernel
 * catalog ({@link dev.pounce.kernel.CatalogClient}). Plain Java, no framework.
 */
package dev.pounce.kernel;
