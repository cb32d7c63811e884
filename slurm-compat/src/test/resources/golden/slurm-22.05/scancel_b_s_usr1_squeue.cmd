squeue -j 94 -t all -o '%i %T %r'
