squeue -t bogus
