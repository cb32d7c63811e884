sbatch --signal=65536 --wrap=true
