squeue -t CD
