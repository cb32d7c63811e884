squeue -j 999999,86
