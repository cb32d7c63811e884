squeue -h -o %i/%T
