/**
 * Ports: what the domain's use cases need from the outside (storage, nodes), implemented by the
 * controller's adapters. Store methods are called inside a transaction the caller opened.
 */
package dev.pounce.core.port;
