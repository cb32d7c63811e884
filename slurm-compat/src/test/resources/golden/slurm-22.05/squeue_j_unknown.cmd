squeue -j 999999
