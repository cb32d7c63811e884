/**
 * The node daemon: a plain-Java agent that dials the controller over the {@code
 * pounce.v1.NodeSession} stream, registers the node's resources, and runs batch scripts through the
 * {@code pounce-exec} supervisor (spawn, signals, time limits, exit reports).
 *
 * <p>{@link dev.pounce.node.NodeDaemon} wires {@link dev.pounce.node.NodeConfig}, {@link
 * dev.pounce.node.Inventory}, {@link dev.pounce.node.TaskRegistry}, {@link
 * dev.pounce.node.Launcher} and {@link dev.pounce.node.Session}. Protobuf types are the launch
 * specification here: this module is itself the protocol's far end.
 */
package dev.pounce.node;
