squeue -h
