squeue -j 61,62
