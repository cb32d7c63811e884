/**
 * sbatch: option parsing and precedence, #SBATCH directives, script checks, --export, and the
 * functions the controller calls at launch time (output file names).
 */
package dev.pounce.slurm.sbatch;
