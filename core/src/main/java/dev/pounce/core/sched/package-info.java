/**
 * The scheduler: a pure function from the pending queue and a read-only snapshot of the cluster to
 * a plan (which jobs start where, and why the others wait). The controller runs it on the leader
 * only and persists the plan; nothing here touches a database or a node.
 */
package dev.pounce.core.sched;
