sbatch --signal=0 --wrap=true
