squeue -j 417 -r
