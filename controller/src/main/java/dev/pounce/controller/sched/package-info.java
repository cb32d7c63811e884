/** Runs the core scheduler on the leader: when to run a pass, and nothing else. */
package dev.pounce.controller.sched;
