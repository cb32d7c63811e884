package dev.pounce.slurm.cli;

/**
 * One option occurrence found on a command line.
 *
 * @param key the option's key
 * @param value its argument, null when none was given
 * @param display how the user wrote the option name ({@code --nodes} or {@code -N}), for messages
 */
public record ParsedOpt(String key, String value, String display) {}
