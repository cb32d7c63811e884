cat slurm-52.out
