sbatch --begin=elevenses --wrap=true
