squeue -j 99999_1
