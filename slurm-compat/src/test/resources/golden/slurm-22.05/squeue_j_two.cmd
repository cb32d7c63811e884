squeue -j 86,65
