squeue -j 89
