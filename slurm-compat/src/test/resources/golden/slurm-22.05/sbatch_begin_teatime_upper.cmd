sbatch --begin=TEATIME --wrap=true
