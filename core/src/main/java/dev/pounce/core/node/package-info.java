/** Nodes and partitions: what each node offers, its state, and how partitions group nodes. */
package dev.pounce.core.node;
