squeue -j 86
