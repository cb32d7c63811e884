squeue -j 48
