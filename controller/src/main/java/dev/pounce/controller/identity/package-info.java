/**
 * Who is calling. One interface ({@link dev.pounce.controller.identity.CallerIdentity}); the
 * development trust mode is its only implementation until munge lands, and use cases never see how
 * a caller was established.
 */
package dev.pounce.controller.identity;
