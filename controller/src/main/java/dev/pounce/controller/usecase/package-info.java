/**
 * Use cases, one class each. A use case decides inside one short transaction (state + event
 * committed together) and performs its side effects (node commands) after the commit, idempotently.
 * No transaction is ever held open across a node call.
 */
package dev.pounce.controller.usecase;
