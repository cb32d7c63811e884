sbatch --signal=B:R:USR1 --wrap=true
