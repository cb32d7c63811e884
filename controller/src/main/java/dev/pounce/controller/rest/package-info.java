/**
 * Pounce's own REST API under {@code /api/v1} (JSON): the kernel catalog (push, list, show, blob
 * download for node daemons). Plain Vert.x routes; handlers run on virtual threads, never the event
 * loop. Protocol types (Vert.x JSON) stop here.
 */
package dev.pounce.controller.rest;
