sbatch --signal=@30 --wrap=true
