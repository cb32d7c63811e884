squeue -t R
