sbatch --test-only -p nosuchpart --wrap=true
