squeue -j 52
