sbatch --open-mode=bad --wrap=true
