squeue -j 49
