squeue -j 65
