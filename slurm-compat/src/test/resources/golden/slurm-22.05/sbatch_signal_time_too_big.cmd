sbatch --signal=USR1@65536 --wrap=true
