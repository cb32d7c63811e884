squeue -j 418
