squeue -j 417_4
