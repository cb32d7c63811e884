squeue -j 417
