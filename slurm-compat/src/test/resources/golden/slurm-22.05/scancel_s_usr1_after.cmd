squeue -j 86 -o '%i %T'
