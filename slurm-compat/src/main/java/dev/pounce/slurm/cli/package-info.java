/** Command-line plumbing shared by the commands: a getopt_long-compatible option parser. */
package dev.pounce.slurm.cli;
