/**
 * The node-session adapter: the gRPC {@code NodeSession} service node daemons dial, the registry of
 * live sessions, and the {@link dev.pounce.core.port.NodeGateway} that sends them commands.
 * Protobuf types stop here.
 */
package dev.pounce.controller.node;
